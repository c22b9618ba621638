//! Work spread over all cores, with results handed back on the calling thread as they come.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

/// Results travel to the calling thread in batches of this many: one message per item would
/// wake it for every file, and on two cores the switching costs more than the work.
const BATCH: usize = 64;

/// Runs `work` on every item on all cores and calls `on_result` on the calling thread with
/// each item's position and result, in batches as they finish.
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
    let (sender, receiver) = mpsc::channel::<Vec<(usize, R)>>();
    thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(at) else { break };
                    batch.push((at, work(item)));
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        if sender.send(full).is_err() {
                            return;
                        }
                    }
                }
                let _ = sender.send(batch);
            });
        }
        drop(sender);
        for batch in receiver {
            for (at, result) in batch {
                on_result(at, result);
            }
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
