//! A user's world for the tests of getting news in: a library folder, a data folder and a
//! configuration folder that last across runs (so that the record of imported items and the
//! subscriptions do), and the articles written, read back as the loader reads them.

use std::path::{Path, PathBuf};

use moodwire::Article;
use moodwire::parse::parse_article;
use moodwire::reading::Reading;

use super::{Run, moodwire_with_env};

pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The folder articles are imported into by [`Home::import`].
    pub fn library(&self) -> PathBuf {
        self.path().join("library")
    }

    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    pub fn config(&self) -> PathBuf {
        self.path().join("config/moodwire")
    }

    /// `moodwire ARGS` in this home.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let data = self.data().display().to_string();
        let config = self.path().join("config").display().to_string();
        let mut all = vec![
            ("MOODWIRE_DATA_DIR", data.as_str()),
            ("XDG_CONFIG_HOME", config.as_str()),
        ];
        all.extend_from_slice(env);
        moodwire_with_env(args, self.path(), &all)
    }

    /// `moodwire import SOURCES --into library`.
    pub fn import(&self, sources: &[&str]) -> Run {
        let library = self.library().display().to_string();
        let mut args = vec!["import"];
        args.extend_from_slice(sources);
        args.extend_from_slice(&["--into", &library]);
        self.run(&args)
    }

    /// Writes the configuration file.
    pub fn configure(&self, text: &str) {
        std::fs::create_dir_all(self.config()).unwrap();
        std::fs::write(self.config().join("config.yaml"), text).unwrap();
    }

    /// The file names in the library, sorted.
    pub fn names(&self) -> Vec<String> {
        names(&self.library())
    }

    /// Every article in the library, read as the loader reads it, by file name.
    pub fn articles(&self) -> Vec<(String, Article)> {
        articles(&self.library())
    }

    /// The article whose title is `title`.
    pub fn article(&self, title: &str) -> Article {
        let articles = self.articles();
        let found = articles.iter().find(|(_, a)| a.title == title);
        match found {
            Some((_, article)) => article.clone(),
            None => panic!(
                "no article titled {title:?} among {:?}",
                articles.iter().map(|(_, a)| &a.title).collect::<Vec<_>>()
            ),
        }
    }
}

pub fn names(folder: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn articles(folder: &Path) -> Vec<(String, Article)> {
    names(folder)
        .into_iter()
        .map(|name| {
            let path = folder.join(&name);
            let bytes = std::fs::read(&path).unwrap();
            let article = parse_article(&bytes, name.clone(), path, &Reading::default())
                .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
            (name, article)
        })
        .collect()
}

/// A fixture of `tests/fixtures/feeds`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value an article keeps for a key moodwire does not interpret (`author`).
pub fn extra<'a>(article: &'a Article, key: &str) -> Option<&'a str> {
    article
        .extra
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}
