//! Work spread over all cores, with results handed back on the calling thread as they come.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, mpsc};
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

/// Works on `roots` and on every item the work leads to, on all cores, and returns each
/// item's result by item: for exploring a tree (folders and their subfolders) whose shape is
/// only known as it is worked on. Each item is worked on once, however many items lead to it.
/// Items are taken most recent first, so that the items waiting stay few (depth first).
pub fn explore<K, V>(roots: Vec<K>, work: impl Fn(&K) -> (V, Vec<K>) + Sync) -> HashMap<K, V>
where
    K: Eq + Hash + Clone + Send,
    V: Send,
{
    let mut seen = HashSet::new();
    let mut waiting: Vec<K> = roots
        .into_iter()
        .filter(|root| seen.insert(root.clone()))
        .collect();
    waiting.reverse();
    let explorer = Explorer {
        state: Mutex::new(ExploreState {
            seen,
            waiting,
            working: 0,
        }),
        changed: Condvar::new(),
    };
    let work = &work;
    let explorer = &explorer;
    thread::scope(|scope| {
        let helpers: Vec<_> = (1..cores())
            .map(|_| scope.spawn(move || explorer.explore(work)))
            .collect();
        let mut results = explorer.explore(work);
        for helper in helpers {
            let found = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            results.extend(found);
        }
        results
    })
}

struct Explorer<K> {
    state: Mutex<ExploreState<K>>,
    /// Signalled when items are added or the last one is done.
    changed: Condvar,
}

struct ExploreState<K> {
    /// Every item ever added, so that none is worked on twice.
    seen: HashSet<K>,
    waiting: Vec<K>,
    /// Items being worked on, each of which may add more.
    working: usize,
}

impl<K: Eq + Hash + Clone> Explorer<K> {
    /// Works on items until none is waiting and none is being worked on, and returns the
    /// results this thread produced.
    fn explore<V>(&self, work: &impl Fn(&K) -> (V, Vec<K>)) -> HashMap<K, V> {
        let mut results = HashMap::new();
        let mut state = self.lock();
        loop {
            let Some(item) = state.waiting.pop() else {
                if state.working == 0 {
                    return results;
                }
                state = wait(&self.changed, state);
                continue;
            };
            state.working += 1;
            drop(state);
            // Should `work` panic, the count still goes down, so that the others end.
            let unwinding = Unwinding(self);
            let (result, leads) = work(&item);
            std::mem::forget(unwinding);
            results.insert(item, result);
            state = self.lock();
            state.working -= 1;
            let before = state.waiting.len();
            for lead in leads {
                if state.seen.insert(lead.clone()) {
                    state.waiting.push(lead);
                }
            }
            // The first lead is to be taken next: most recent last.
            state.waiting[before..].reverse();
            if state.waiting.len() > before || state.working == 0 {
                self.changed.notify_all();
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, ExploreState<K>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Counts an item as no longer worked on if its work panics, and wakes the threads waiting
/// for more items or for the end.
struct Unwinding<'e, K: Eq + Hash + Clone>(&'e Explorer<K>);

impl<K: Eq + Hash + Clone> Drop for Unwinding<'_, K> {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        state.working -= 1;
        drop(state);
        self.0.changed.notify_all();
    }
}

fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

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

    #[test]
    fn every_item_reached_is_worked_once() {
        // Each number leads to its double and its double plus one, up to 2,000, and 1 is
        // also reached from 3, 7 and so on: a tree with some items reached twice.
        let worked = AtomicUsize::new(0);
        let results = super::explore(vec![1u64, 1], |&n| {
            worked.fetch_add(1, Ordering::Relaxed);
            let leads = [n * 2, n * 2 + 1, 1]
                .into_iter()
                .filter(|&lead| lead < 2_000)
                .collect();
            (n * 3, leads)
        });
        assert_eq!(results.len(), 1_999);
        assert!((1..2_000).all(|n| results[&n] == n * 3));
        assert_eq!(worked.load(Ordering::Relaxed), 1_999, "each once");
    }
}
