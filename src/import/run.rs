//! An import's course: sources read on a few threads, and each one's new items written, in
//! turn, on the calling thread, which alone writes files and the record.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, PoisonError, RwLock};

use jiff::Timestamp;

use super::draft::{Draft, Making, from_feed, from_page};
use super::own_files;
use super::seen::{Key, Record};
use super::source::{Opened, Source, open};
use super::{Done, Gave, ImportError, Job, Places, Settings, THREADS};
use crate::feed::{self, Kind, opml};
use crate::tagger::{NewFile, create_all};
use crate::web::{Client, Validators};

/// What an import tells as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// Another import holds the lock; this one waits for it.
    Waiting(&'a Path),
    /// This many sources are known so far (a list of subscriptions adds its feeds).
    Total(usize),
    /// A source is done; this many are.
    Done(&'a Done, usize),
}

/// What a worker made of a source.
enum Outcome {
    NotModified,
    /// `already`: items left out because the record knows them.
    Feed {
        drafts: Vec<Draft>,
        refused: Vec<String>,
        warnings: Vec<String>,
        validators: Validators,
        title: Option<String>,
        already: usize,
    },
    Page {
        draft: Option<Draft>,
        validators: Validators,
        already: usize,
    },
    List(Vec<Job>),
    Failed(String),
}

/// Reads `jobs` and writes their new items into `places.into`, telling `on_event` as each
/// source is done; returns what became of each. Fails as a whole only when the target
/// folder or the record cannot be used.
pub fn run(
    jobs: Vec<Job>,
    places: &Places,
    settings: &Settings,
    mut on_event: impl FnMut(Event),
) -> Result<Vec<Done>, ImportError> {
    prepare_target(&places.into)?;
    let record_error = |path: &Path| {
        let path = path.to_owned();
        move |error| ImportError::Record { path, error }
    };
    let _lock = own_files::lock(&places.lock, || on_event(Event::Waiting(&places.lock)))
        .map_err(record_error(&places.lock))?;
    let record = RwLock::new(Record::open(&places.record).map_err(record_error(&places.record))?);
    let client = Client::new(settings.web);
    let today = Timestamp::now();
    let (job_sender, job_queue) = mpsc::channel::<Job>();
    let job_queue = Mutex::new(job_queue);
    let (result_sender, results) = mpsc::channel::<(Job, Outcome)>();
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            let results = result_sender.clone();
            let (queue, client, record) = (&job_queue, &client, &record);
            scope.spawn(move || work(queue, results, client, settings, record, today));
        }
        drop(result_sender);
        let mut course = Course {
            places,
            record: &record,
            written: HashSet::new(),
            done: Vec::new(),
        };
        let mut pending = 0;
        for job in jobs {
            pending += 1;
            let _ = job_sender.send(job);
        }
        on_event(Event::Total(pending));
        let mut total = pending;
        let mut failure = None;
        while pending > 0 {
            let Ok((job, outcome)) = results.recv() else {
                break;
            };
            pending -= 1;
            if failure.is_some() {
                continue;
            }
            let result = match outcome {
                Outcome::List(listed) => {
                    let count = listed.len();
                    for job in listed {
                        pending += 1;
                        let _ = job_sender.send(job);
                    }
                    total += count;
                    on_event(Event::Total(total));
                    Ok(Gave {
                        listed: count,
                        ..Gave::default()
                    })
                }
                outcome => match course.write(outcome) {
                    Ok(result) => result,
                    Err(error) => {
                        failure = Some(error);
                        continue;
                    }
                },
            };
            course.done.push(Done { job, result });
            let done = course.done.len();
            if let Some(last) = course.done.last() {
                on_event(Event::Done(last, done));
            }
        }
        drop(job_sender);
        match failure {
            Some(error) => Err(error),
            None => Ok(course.done),
        }
    })
}

/// The folder new articles go to, made if it is missing.
fn prepare_target(folder: &Path) -> Result<(), ImportError> {
    let target = |reason: String| ImportError::Target {
        folder: folder.to_owned(),
        reason,
    };
    std::fs::create_dir_all(folder).map_err(|e| target(crate::loader::describe_io_error(&e)))?;
    match std::fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(target("not a folder".to_owned())),
        Err(e) => Err(target(crate::loader::describe_io_error(&e))),
    }
}

/// A worker: takes sources from the queue until it is closed, and sends back what each gave.
fn work(
    queue: &Mutex<Receiver<Job>>,
    results: Sender<(Job, Outcome)>,
    client: &Client,
    settings: &Settings,
    record: &RwLock<Record>,
    today: Timestamp,
) {
    loop {
        let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = job else {
            return;
        };
        let outcome = read(&job, client, settings, record, today);
        if results.send((job, outcome)).is_err() {
            return;
        }
    }
}

/// Reads one source and makes drafts of what it holds that the record does not know.
fn read(
    job: &Job,
    client: &Client,
    settings: &Settings,
    record: &RwLock<Record>,
    today: Timestamp,
) -> Outcome {
    let document = match open(&job.source, client, &job.validators) {
        Ok(Opened::Fresh(document)) => document,
        Ok(Opened::NotModified) => return Outcome::NotModified,
        Err(reason) => return Outcome::Failed(reason),
    };
    let making = Making {
        scope: job.source.scope(),
        address: document.address.as_deref(),
        client,
        settings,
        today,
    };
    let already = std::cell::Cell::new(0);
    let seen = |key: &Key| {
        let known = record
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(key);
        already.set(already.get() + usize::from(known));
        known
    };
    match document.kind {
        Kind::Opml if job.feed_only => Outcome::Failed(
            "it is a list of subscriptions (OPML), not a feed; `moodwire feeds add FILE` subscribes to its feeds"
                .to_owned(),
        ),
        Kind::Opml => match opml::read(&document.bytes) {
            Ok(outlines) => Outcome::List(
                outlines
                    .into_iter()
                    .map(|outline| Job {
                        // Listed feeds are read from the web only, never from this machine's
                        // files, whatever the list says.
                        source: Source::Address(outline.url),
                        validators: Validators::default(),
                        feed_only: true,
                    })
                    .collect(),
            ),
            Err(error) => Outcome::Failed(error.to_string()),
        },
        Kind::Page if job.feed_only => {
            Outcome::Failed("it is a web page, not a feed".to_owned())
        }
        Kind::Page => {
            match from_page(&document.bytes, document.content_type.as_deref(), &making, seen) {
                Ok(draft) => Outcome::Page {
                    draft,
                    validators: document.validators,
                    already: already.get(),
                },
                Err(reason) => Outcome::Failed(reason),
            }
        }
        _ => match feed::parse(&document.bytes, document.address.as_deref()) {
            Ok(feed) => {
                let (drafts, refused, warnings) = from_feed(&feed, &making, seen);
                Outcome::Feed {
                    drafts,
                    refused: refused
                        .into_iter()
                        .map(|r| format!("{}: {}", r.item, r.reason))
                        .collect(),
                    warnings,
                    validators: document.validators,
                    title: feed.title.clone(),
                    already: already.get(),
                }
            }
            Err(error) => Outcome::Failed(error.to_string()),
        },
    }
}

/// The writing side of an import.
struct Course<'a> {
    places: &'a Places,
    record: &'a RwLock<Record>,
    /// Keys written in this run, so that an item two sources share is written once.
    written: HashSet<Key>,
    done: Vec<Done>,
}

impl Course<'_> {
    /// Writes what a source gave; an error only when the record cannot be written.
    fn write(&mut self, outcome: Outcome) -> Result<Result<Gave, String>, ImportError> {
        let (drafts, gave) = match outcome {
            Outcome::Failed(reason) => return Ok(Err(reason)),
            Outcome::NotModified => {
                return Ok(Ok(Gave {
                    unchanged: true,
                    ..Gave::default()
                }));
            }
            Outcome::List(_) => return Ok(Ok(Gave::default())),
            Outcome::Page {
                draft,
                validators,
                already,
            } => (
                draft.into_iter().collect(),
                Gave {
                    validators,
                    already,
                    ..Gave::default()
                },
            ),
            Outcome::Feed {
                drafts,
                refused,
                warnings,
                validators,
                title,
                already,
            } => (
                drafts,
                Gave {
                    validators,
                    title,
                    refused,
                    warnings,
                    already,
                    ..Gave::default()
                },
            ),
        };
        let (written, refused, keys) = self.write_drafts(drafts);
        let mut gave = Gave { written, ..gave };
        gave.refused.extend(refused);
        self.record
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .add(&keys)
            .map_err(|error| ImportError::Record {
                path: self.places.record.clone(),
                error,
            })?;
        Ok(Ok(gave))
    }

    /// Writes the drafts no earlier source of this run wrote and the record does not know:
    /// the files written, the reasons some were not, and the keys of those written.
    fn write_drafts(&mut self, drafts: Vec<Draft>) -> (Vec<PathBuf>, Vec<String>, Vec<Key>) {
        let mut refused = Vec::new();
        let mut staged = Vec::new();
        let mut keys = Vec::new();
        {
            let record = self.record.read().unwrap_or_else(PoisonError::into_inner);
            for draft in drafts {
                if record.contains(&draft.key) || !self.written.insert(draft.key.clone()) {
                    continue;
                }
                match NewFile::write(&self.places.into, &draft.stem, "md", &draft.bytes) {
                    Ok(file) => {
                        staged.push(file);
                        keys.push(draft.key);
                    }
                    Err(error) => refused.push(format!("{}: {error}", draft.stem)),
                }
            }
        }
        let mut written = Vec::new();
        let mut written_keys = Vec::new();
        for (result, key) in create_all(staged).into_iter().zip(keys) {
            match result {
                Ok(path) => {
                    written.push(path);
                    written_keys.push(key);
                }
                Err(error) => refused.push(error.to_string()),
            }
        }
        (written, refused, written_keys)
    }
}
