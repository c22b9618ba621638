//! Saving the marks on a thread of their own, so that a keystroke never waits on the disk.
//! Saves that queue up while one is being written are merged into the latest.

use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

use crate::marks::Marks;
use crate::marks::store::MarksFile;

pub struct MarksSaver {
    sender: Option<Sender<Marks>>,
    thread: Option<JoinHandle<()>>,
}

impl MarksSaver {
    /// Starts the saving thread; `failed` is told why a save did not happen.
    pub fn start(file: MarksFile, failed: impl Fn(String) + Send + 'static) -> MarksSaver {
        let (sender, requests) = mpsc::channel::<Marks>();
        let thread = thread::Builder::new()
            .name("moodwire-marks".to_owned())
            .spawn(move || {
                while let Ok(mut marks) = requests.recv() {
                    while let Ok(newer) = requests.try_recv() {
                        marks = newer;
                    }
                    if let Err(error) = file.save(&marks) {
                        failed(format!(
                            "read and starred marks not saved: {}: {}",
                            crate::loader::display_path(file.path()),
                            crate::loader::describe_io_error(&error)
                        ));
                    }
                }
            })
            .ok();
        MarksSaver {
            sender: thread.as_ref().map(|_| sender),
            thread,
        }
    }

    pub fn save(&self, marks: Marks) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(marks);
        }
    }

    /// Waits for the last save to be written.
    pub fn finish(mut self) {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
