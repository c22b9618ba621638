//! A cache file as a run of independently checksummed sections, so that they can be decoded
//! on several cores at once.
//!
//! Layout: the sections one after another, each an [`Encoder`] stream ending in its own
//! checksum; then a table section holding where each section ends; then, as the last eight
//! bytes, where the table begins. Every offset is checked before it is used, so a damaged
//! file is refused, never followed out of bounds.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::Range;

use super::codec::{Damaged, Decoder, Encoder};

/// More sections than this is not a file this program wrote.
const MAX_SECTIONS: usize = 4096;

/// Writes sections one after another, remembering where each ends.
pub struct SectionWriter<W: Write> {
    out: Counting<W>,
    ends: Vec<u64>,
}

impl<W: Write> SectionWriter<W> {
    pub fn new(out: W) -> SectionWriter<W> {
        SectionWriter {
            out: Counting {
                inner: out,
                written: 0,
            },
            ends: Vec::new(),
        }
    }

    /// Writes one section with what `write` encodes.
    pub fn section(
        &mut self,
        write: impl FnOnce(&mut Encoder<&mut Counting<W>>),
    ) -> io::Result<()> {
        let mut encoder = Encoder::new(&mut self.out);
        write(&mut encoder);
        encoder.finish()?;
        self.ends.push(self.out.written);
        Ok(())
    }

    /// Writes the table of sections and hands back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let table_start = self.out.written;
        let ends = std::mem::take(&mut self.ends);
        self.section(|out| {
            out.len(ends.len());
            for end in ends {
                out.u64(end);
            }
        })?;
        self.out.write_all(&table_start.to_le_bytes())?;
        self.out.flush()?;
        Ok(self.out.inner)
    }
}

/// A writer that counts the bytes that pass through it.
pub struct Counting<W: Write> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Where each section of `file` lies, from its table.
pub fn read_table(file: &File) -> Result<Vec<Range<u64>>, Damaged> {
    let len = file.metadata()?.len();
    let table_end = len.checked_sub(8).ok_or(Damaged)?;
    let mut start = [0; 8];
    read_exact_at(file, &mut start, table_end)?;
    let table_start = u64::from_le_bytes(start);
    let mut table = open(file, table_start..table_end)?;
    let count = table.len(8)?;
    if count > MAX_SECTIONS {
        return Err(Damaged);
    }
    let mut sections = Vec::with_capacity(count);
    let mut section_start = 0;
    for _ in 0..count {
        let end = table.u64()?;
        if end <= section_start || end > table_start {
            return Err(Damaged);
        }
        sections.push(section_start..end);
        section_start = end;
    }
    table.finish()?;
    if section_start != table_start {
        return Err(Damaged);
    }
    Ok(sections)
}

/// A decoder over one section of `file`. Sections can be read at the same time from several
/// threads: each reads at its own offsets.
pub fn open(file: &File, section: Range<u64>) -> Result<Decoder<impl Read + '_>, Damaged> {
    let len = section.end.checked_sub(section.start).ok_or(Damaged)?;
    let reader = SectionReader {
        file,
        at: section.start,
        end: section.end,
    };
    Decoder::new(reader, len)
}

/// Bytes `bytes` of the content of `section` of `file`, counted from `skip` bytes into it;
/// refused if they reach past the content (into the section's checksum or beyond).
pub fn read_within(
    file: &File,
    section: &Range<u64>,
    skip: u64,
    bytes: Range<u64>,
) -> Result<Vec<u8>, Damaged> {
    let content_end = section.end.checked_sub(8).ok_or(Damaged)?;
    let from = section.start.checked_add(skip);
    let start = from.and_then(|at| at.checked_add(bytes.start));
    let end = from.and_then(|at| at.checked_add(bytes.end));
    let (Some(start), Some(end)) = (start, end) else {
        return Err(Damaged);
    };
    if start > end || end > content_end {
        return Err(Damaged);
    }
    let mut read = vec![0; usize::try_from(end - start).map_err(|_| Damaged)?];
    read_exact_at(file, &mut read, start)?;
    Ok(read)
}

/// Reads a range of a file by offset, without moving a shared file position.
struct SectionReader<'a> {
    file: &'a File,
    at: u64,
    end: u64,
}

impl Read for SectionReader<'_> {
    fn read(&mut self, into: &mut [u8]) -> io::Result<usize> {
        let left = self.end.saturating_sub(self.at);
        let take = into.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let read = read_at(self.file, &mut into[..take], self.at)?;
        self.at += read as u64;
        Ok(read)
    }
}

fn read_exact_at(file: &File, mut into: &mut [u8], mut at: u64) -> io::Result<()> {
    while !into.is_empty() {
        match read_at(file, into, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            read => {
                into = &mut into[read..];
                at += read as u64;
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn read_at(file: &File, into: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, into, at)
}

#[cfg(windows)]
fn read_at(file: &File, into: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, into, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(sections: &[&[u32]]) -> Vec<u8> {
        let mut writer = SectionWriter::new(Vec::new());
        for values in sections {
            writer.section(|out| out.u32s(values)).unwrap();
        }
        writer.finish().unwrap()
    }

    fn file_with(bytes: &[u8]) -> (tempfile::TempDir, File) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sections");
        std::fs::write(&path, bytes).unwrap();
        let file = File::open(&path).unwrap();
        (dir, file)
    }

    fn read_all(file: &File) -> Result<Vec<Vec<u32>>, Damaged> {
        read_table(file)?
            .into_iter()
            .map(|section| {
                let mut input = open(file, section)?;
                let values = input.u32s()?;
                input.finish()?;
                Ok(values)
            })
            .collect()
    }

    #[test]
    fn sections_read_back_as_written() {
        let bytes = written(&[&[1, 2, 3], &[], &[u32::MAX; 100_000]]);
        let (_dir, file) = file_with(&bytes);
        let sections = read_all(&file).unwrap();
        assert_eq!(sections.len(), 3);
        assert_eq!(sections[0], [1, 2, 3]);
        assert!(sections[1].is_empty());
        assert_eq!(sections[2].len(), 100_000);
    }

    #[test]
    fn any_truncation_or_flipped_byte_is_refused() {
        let bytes = written(&[&[1, 2, 3], &[4, 5]]);
        for len in 0..bytes.len() {
            let (_dir, file) = file_with(&bytes[..len]);
            assert_eq!(read_all(&file), Err(Damaged), "truncated to {len}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            let (_dir, file) = file_with(&damaged);
            assert_eq!(read_all(&file), Err(Damaged), "byte {at} flipped");
        }
    }
}
