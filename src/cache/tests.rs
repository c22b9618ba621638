//! The cache file refused when forged, damaged or of another version, and the temporaries of
//! killed writers cleared away.

use super::sections::Counting;
use super::*;
use crate::codec::Encoder;

fn store() -> (tempfile::TempDir, CacheStore, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let store = CacheStore::new(dir.path().join("cache"));
    let roots = vec![dir.path().join("library")];
    // It exists: a cache of folders that are gone is removed.
    fs::create_dir(&roots[0]).unwrap();
    (dir, store, roots)
}

type TestEncoder<'a> = Encoder<&'a mut Counting<Vec<u8>>>;

/// Writes a cache file whose checksums are right, whatever its sections claim.
fn forge(store: &CacheStore, roots: &[PathBuf], sections: &[&dyn Fn(&mut TestEncoder)]) {
    let mut out = SectionWriter::new(Vec::new());
    for write in sections {
        out.section(|out| write(out)).unwrap();
    }
    let bytes = out.finish().unwrap();
    fs::create_dir_all(&store.dir).unwrap();
    fs::write(store.file_for(roots), bytes).unwrap();
}

#[test]
fn a_forged_count_cannot_force_a_huge_allocation() {
    let (_dir, store, roots) = store();
    let header = header(&roots, &Reading::default());
    forge(
        &store,
        &roots,
        &[
            &|out| {
                out.bytes(&header);
                out.len(1);
                out.len(150_000_000);
                out.len(0);
            },
            &|out| out.bytes(&[0; 4096]),
        ],
    );
    assert!(store.load(&roots, &Reading::default()).is_none());
}

#[test]
fn temporaries_left_by_killed_writers_are_removed_when_old() {
    let (_dir, store, roots) = store();
    fs::create_dir_all(&store.dir).unwrap();
    let (stale, _) = crate::replace_file::create_temporary(&store.dir, 0o600).unwrap();
    let (fresh, _) = crate::replace_file::create_temporary(&store.dir, 0o600).unwrap();
    fs::write(&stale, b"half").unwrap();
    fs::write(&fresh, b"being written").unwrap();
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    store.save(
        &roots,
        &Reading::default(),
        &[],
        &[],
        &Index::default(),
        None,
    );
    assert!(!stale.exists(), "a writer killed long ago left it");
    assert!(fresh.exists(), "another writer may still be at work on it");
}

#[test]
fn a_cache_of_another_version_is_not_used() {
    let (_dir, store, roots) = store();
    let mut header = header(&roots, &Reading::default());
    let at = MAGIC.len();
    header[at..at + 4].copy_from_slice(&(FORMAT_VERSION - 1).to_le_bytes());
    fn contents(header: &[u8], out: &mut TestEncoder) {
        out.bytes(header);
        out.len(0);
        out.len(0);
    }
    forge(&store, &roots, &[&|out| contents(&header, out)]);
    assert!(store.load(&roots, &Reading::default()).is_none());
    // The same file with this version's header is used: only the version differed.
    let header = super::header(&roots, &Reading::default());
    forge(&store, &roots, &[&|out| contents(&header, out)]);
    assert!(store.load(&roots, &Reading::default()).is_some());
}

/// Postings and word streams are left in the file when it is opened and checked when
/// first read: damaged meanwhile, they fail the searches that need them (the library then
/// reads the articles again), and the file is removed so that the next start writes a
/// new one.
#[test]
fn damaged_postings_and_streams_are_refused_when_read_and_the_file_removed() {
    let (_dir, store, roots) = store();
    let reading = Reading::default();
    let loaded =
        crate::loader::load_embedded(crate::samples::SAMPLES, crate::samples::ORIGIN, &reading);
    let index = Index::build(&loaded.articles);
    let articles = loaded.articles;
    let stamps = vec![
        FileStamp {
            size: 0,
            modified: 0,
            changed: 0,
        };
        articles.len()
    ];
    let test = |words: &[&str]| crate::query::TextTest {
        field: crate::query::TextField::Any,
        words: words.iter().map(|w| w.to_string()).collect(),
    };
    let (word, phrase) = (test(&["oil"]), test(&["oil", "prices"]));
    // The last section holds the streams, the one before it the postings.
    for (from_end, fails_word) in [(1, false), (2, true)] {
        store.save(&roots, &reading, &articles, &stamps, &index, None);
        let path = store.file_for(&roots);
        let mut bytes = fs::read(&path).unwrap();
        let damaged = {
            let file = fs::File::open(&path).unwrap();
            let sections = sections::read_table(&file).unwrap();
            sections[sections.len() - from_end].clone()
        };
        bytes[(damaged.start + damaged.end) as usize / 2] ^= 0x40;
        fs::write(&path, &bytes).unwrap();

        let cached = store
            .load(&roots, &reading)
            .expect("the rest of the file is sound");
        let found = cached.index.find(&word);
        if fails_word {
            assert_eq!(found, Err(Damaged));
        } else {
            assert_eq!(found, index.find(&word));
            assert!(path.exists());
        }
        assert_eq!(cached.index.find(&phrase), Err(Damaged));
        assert!(!path.exists(), "removed, to be written anew");
    }
}
