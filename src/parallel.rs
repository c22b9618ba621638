//! Work spread over all cores, with results handed back on the calling thread as they come.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

/// Runs `work` on every item on all cores and calls `on_result` on the calling thread with
/// each item's position and result, in the order they finish.
pub fn for_each<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut on_result: impl FnMut(usize, R),
) {
    let workers = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(items.len());
    let next = &AtomicUsize::new(0);
    let work = &work;
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(at) else { break };
                    if sender.send((at, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (at, result) in receiver {
            on_result(at, result);
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_item_is_worked_once() {
        let items: Vec<u64> = (0..1000).collect();
        let mut seen = vec![0u64; items.len()];
        super::for_each(&items, |n| n * 2, |at, doubled| seen[at] += doubled);
        assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        super::for_each(&[] as &[u8], |_| (), |_, ()| panic!("no items, no results"));
    }
}
