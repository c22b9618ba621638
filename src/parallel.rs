//! Work spread over all cores, with results handed back on the calling thread as they come.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

/// Results travel to the calling thread in batches of this many: one message per item would
/// wake it for every file, and on two cores the switching costs more than the work.
const BATCH: usize = 64;

/// How many threads can run at once on this machine.
pub fn cores() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// Runs `work` on every item on all cores and calls `on_result` on the calling thread with
/// each item's position and result, in batches as they finish.
pub fn for_each<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut on_result: impl FnMut(usize, R),
) {
    for_each_with(
        items,
        || (),
        |(), item| work(item),
        |at, _, result| on_result(at, result),
    );
}

/// Like [`for_each`], with a state of each worker's own that `work` may change (no locks are
/// needed, as no two workers share one). `on_result` is also told which worker produced the
/// result; the states are returned in worker order at the end.
pub fn for_each_with<T: Sync, S: Send, R: Send>(
    items: &[T],
    new_state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    mut on_result: impl FnMut(usize, usize, R),
) -> Vec<S> {
    let workers = cores().min(items.len()).max(1);
    let next = &AtomicUsize::new(0);
    let (work, new_state) = (&work, &new_state);
    let (sender, receiver) = mpsc::channel::<(usize, Vec<(usize, R)>)>();
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let sender = sender.clone();
                scope.spawn(move || {
                    let mut state = new_state();
                    let mut batch = Vec::with_capacity(BATCH);
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(at) else { break };
                        batch.push((at, work(&mut state, item)));
                        if batch.len() == BATCH {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                            if sender.send((worker, full)).is_err() {
                                return state;
                            }
                        }
                    }
                    let _ = sender.send((worker, batch));
                    state
                })
            })
            .collect();
        drop(sender);
        for (worker, batch) in receiver {
            for (at, result) in batch {
                on_result(at, worker, result);
            }
        }
        let joined = handles.into_iter().map(|handle| handle.join());
        joined
            .map(|result| result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// Runs `work` on each item in a thread of its own and returns the results in item order. A
/// panic in a thread is raised again here, as if the work had run on this thread.
pub fn map_threads<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .into_iter()
            .map(|item| scope.spawn(move || work(item)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Runs `aside` on a thread of its own while `here` runs on the calling thread, and returns
/// both results: for two independent pieces of work of which at least one runs on one core
/// alone. A panic in `aside` is raised again here.
pub fn join<A: Send, B>(aside: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    thread::scope(|scope| {
        let aside = scope.spawn(aside);
        let here = here();
        let aside = aside
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (aside, here)
    })
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

    #[test]
    fn each_worker_keeps_its_own_state() {
        let items: Vec<u64> = (1..=1000).collect();
        let mut by_worker = Vec::new();
        let states = super::for_each_with(
            &items,
            || 0u64,
            |sum, n| {
                *sum += n;
                *n
            },
            |_, worker, n| by_worker.push((worker, n)),
        );
        assert_eq!(states.iter().sum::<u64>(), 500_500);
        for (worker, state) in states.iter().enumerate() {
            let reported: u64 = by_worker
                .iter()
                .filter(|(w, _)| *w == worker)
                .map(|(_, n)| n)
                .sum();
            assert_eq!(reported, *state, "worker {worker}");
        }
    }
}
