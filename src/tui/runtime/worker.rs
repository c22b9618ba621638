//! Slow work off the event loop: reading an article's body, writing or undoing a tag, saving
//! the search history, laying an article out. Each job runs on a worker thread, in the order
//! asked for (so that a tag and its undo cannot pass each other), and its result, if it has
//! one to tell, comes back to the loop as an action.
//! A worker for layouts runs only the latest of the jobs waiting: one asked for since
//! replaces them (a resize, a new article).

use std::sync::mpsc::{self, Sender};
use std::thread;

use crate::tui::model::action::Action;

type Job = Box<dyn FnOnce() -> Option<Action> + Send>;

/// The worker thread; it ends when the worker is dropped and its queue is done.
pub struct Worker {
    jobs: Option<Sender<Job>>,
}

impl Worker {
    /// Starts the thread; `deliver` hands each job's action to the loop.
    pub fn start(deliver: impl Fn(Action) + Send + 'static) -> Worker {
        Worker::named("moodwire-io", false, deliver)
    }

    /// Starts a thread named `name` that skips the jobs a later one replaces.
    pub fn latest(name: &str, deliver: impl Fn(Action) + Send + 'static) -> Worker {
        Worker::named(name, true, deliver)
    }

    fn named(name: &str, latest: bool, deliver: impl Fn(Action) + Send + 'static) -> Worker {
        let (jobs, queue) = mpsc::channel::<Job>();
        let started = thread::Builder::new().name(name.to_owned()).spawn(move || {
            while let Ok(mut job) = queue.recv() {
                while latest && let Ok(newer) = queue.try_recv() {
                    job = newer;
                }
                if let Some(action) = job() {
                    deliver(action);
                }
            }
        });
        Worker {
            jobs: started.ok().map(|_| jobs),
        }
    }

    /// Runs `job` on the worker thread; on the calling thread if it could not be started.
    pub fn run(&self, job: impl FnOnce() -> Option<Action> + Send + 'static) -> Option<Action> {
        match &self.jobs {
            Some(jobs) => match jobs.send(Box::new(job)) {
                Ok(()) => None,
                Err(refused) => (refused.0)(),
            },
            None => job(),
        }
    }
}
