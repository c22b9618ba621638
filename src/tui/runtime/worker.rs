//! Slow I/O off the event loop: reading an article's body, writing or undoing a tag, saving
//! the search history. Each job runs on one worker thread, in the order asked for (so that a
//! tag and its undo cannot pass each other), and its result, if it has one to tell, comes back
//! to the loop as an action.

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
        let (jobs, queue) = mpsc::channel::<Job>();
        let started = thread::Builder::new()
            .name("moodwire-io".to_owned())
            .spawn(move || {
                while let Ok(job) = queue.recv() {
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
