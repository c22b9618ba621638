//! Work spread over all cores, with results handed back on the calling thread as they come.

use std::collections::{HashMap, VecDeque};
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

/// Work asked for before its result is needed, done meanwhile by helper threads (one fewer
/// than the cores): the caller [`Prefetch::want`]s items as it learns of them and
/// [`Prefetch::take`]s each result when it needs it, in any order. An item no helper has
/// started by then is worked on the caller's thread, so the caller never waits idle on a
/// queue. Helpers take the item wanted longest ago first: a caller that goes depth first
/// works on what it needs now while they work on what it will need later.
pub fn with_prefetch<K, V, R>(
    work: impl Fn(&K) -> V + Sync,
    body: impl FnOnce(&Prefetch<'_, K, V>) -> R,
) -> R
where
    K: Eq + Hash + Clone + Send,
    V: Send,
{
    let prefetch = Prefetch {
        work: &work,
        state: Mutex::new(PrefetchState {
            wanted: VecDeque::new(),
            in_hand: Vec::new(),
            done: HashMap::new(),
            finished: false,
            idle_helpers: 0,
            caller_waits: false,
        }),
        wanted: Condvar::new(),
        done: Condvar::new(),
    };
    thread::scope(|scope| {
        for _ in 1..cores() {
            scope.spawn(|| prefetch.help());
        }
        // Helpers stop when the body ends, even by a panic, so the scope can end.
        let _finish = Finish(&prefetch);
        body(&prefetch)
    })
}

/// See [`with_prefetch`].
pub struct Prefetch<'w, K, V> {
    work: &'w (dyn Fn(&K) -> V + Sync),
    state: Mutex<PrefetchState<K, V>>,
    /// Signalled when an item is wanted (or the helpers are to stop), for idle helpers.
    wanted: Condvar,
    /// Signalled when an item is done, for a caller waiting on it.
    done: Condvar,
}

struct PrefetchState<K, V> {
    /// Not started yet, the most recent last.
    wanted: VecDeque<K>,
    /// Being worked on by a helper.
    in_hand: Vec<K>,
    /// Results not yet taken.
    done: HashMap<K, V>,
    finished: bool,
    /// Waking a thread is a system call: only those waiting are woken.
    idle_helpers: usize,
    caller_waits: bool,
}

impl<K: Eq + Hash + Clone, V> Prefetch<'_, K, V> {
    /// Asks for `key` to be worked on ahead of [`Prefetch::take`].
    pub fn want(&self, key: K) {
        let mut state = self.lock();
        state.wanted.push_back(key);
        if state.idle_helpers > 0 {
            self.wanted.notify_one();
        }
    }

    /// The result for `key`: waited for if a helper has it in hand, worked here otherwise.
    pub fn take(&self, key: &K) -> V {
        let mut state = self.lock();
        loop {
            if let Some(value) = state.done.remove(key) {
                return value;
            }
            if !state.in_hand.contains(key) {
                if let Some(at) = state.wanted.iter().rposition(|wanted| wanted == key) {
                    state.wanted.remove(at);
                }
                drop(state);
                return (self.work)(key);
            }
            state.caller_waits = true;
            state = wait(&self.done, state);
            state.caller_waits = false;
        }
    }

    fn help(&self) {
        loop {
            let key = {
                let mut state = self.lock();
                loop {
                    if state.finished {
                        return;
                    }
                    if let Some(key) = state.wanted.pop_front() {
                        state.in_hand.push(key.clone());
                        break key;
                    }
                    state.idle_helpers += 1;
                    state = wait(&self.wanted, state);
                    state.idle_helpers -= 1;
                }
            };
            let value = (self.work)(&key);
            let mut state = self.lock();
            state.in_hand.retain(|held| *held != key);
            state.done.insert(key, value);
            if state.caller_waits {
                self.done.notify_one();
            }
        }
    }

    /// The state, even if a thread panicked holding it: every change to it is complete
    /// before anything that could panic.
    fn lock(&self) -> MutexGuard<'_, PrefetchState<K, V>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

/// Tells a [`Prefetch`]'s helpers to stop when dropped.
struct Finish<'p, 'w, K, V>(&'p Prefetch<'w, K, V>);

impl<K, V> Drop for Finish<'_, '_, K, V> {
    fn drop(&mut self) {
        let mut state = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.finished = true;
        drop(state);
        self.0.wanted.notify_all();
    }
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
    fn prefetched_work_is_taken_in_any_order_and_done_once() {
        let worked = AtomicUsize::new(0);
        let results = super::with_prefetch(
            |n: &u64| {
                worked.fetch_add(1, Ordering::Relaxed);
                n * 3
            },
            |prefetch| {
                for n in 0..200 {
                    prefetch.want(n);
                }
                let mut results: Vec<u64> = (0..200).rev().map(|n| prefetch.take(&n)).collect();
                results.push(prefetch.take(&1_000));
                results
            },
        );
        let expected: Vec<u64> = (0..200).rev().map(|n| n * 3).chain([3_000]).collect();
        assert_eq!(results, expected);
        assert_eq!(
            worked.load(Ordering::Relaxed),
            201,
            "each once, unwanted ones too"
        );
    }
}
