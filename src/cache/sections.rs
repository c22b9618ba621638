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

use crate::codec::checksum::Checksum;
use crate::codec::{Damaged, Decoder, Encoder};

/// A section is copied from one file to another in pieces of this many bytes.
const COPY_PIECE: usize = 1 << 20;

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

    /// Copies section `section` of `file`, another file these sections were written to, as it
    /// is; its bytes are checked against its checksum on the way, and an error stops the
    /// copy if they do not match.
    pub fn copy(&mut self, file: &File, section: Range<u64>) -> io::Result<()> {
        let damaged = || io::Error::other(Damaged);
        let content_end = section
            .end
            .checked_sub(8)
            .filter(|&end| end >= section.start)
            .ok_or_else(damaged)?;
        let mut checksum = Checksum::default();
        let mut piece = vec![0; COPY_PIECE];
        let mut at = section.start;
        while at < content_end {
            let len = (content_end - at).min(COPY_PIECE as u64) as usize;
            read_exact_at(file, &mut piece[..len], at)?;
            checksum.update(&piece[..len]);
            self.out.write_all(&piece[..len])?;
            at += len as u64;
        }
        let mut sum = [0; 8];
        read_exact_at(file, &mut sum, content_end)?;
        if u64::from_le_bytes(sum) != checksum.finish() {
            return Err(damaged());
        }
        self.out.write_all(&sum)?;
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

    /// Sections copied from one file into another read back as written there, among
    /// sections written anew; a section whose bytes no longer match its checksum (one flipped
    /// bit anywhere in it, over two copy pieces) is not copied.
    #[test]
    fn sections_are_copied_as_they_are_and_damaged_ones_refused() {
        let long: Vec<u32> = (0..(COPY_PIECE as u32 / 2)).collect();
        let bytes = written(&[&[1, 2, 3], &long]);
        let (_dir, file) = file_with(&bytes);
        let from = read_table(&file).unwrap();
        let mut writer = SectionWriter::new(Vec::new());
        writer.copy(&file, from[1].clone()).unwrap();
        writer.section(|out| out.u32s(&[9])).unwrap();
        writer.copy(&file, from[0].clone()).unwrap();
        let (_copy_dir, copy) = file_with(&writer.finish().unwrap());
        assert_eq!(
            read_all(&copy).unwrap(),
            [long.clone(), vec![9], vec![1, 2, 3]]
        );
        let section = from[1].clone();
        for at in [
            section.start,
            section.start + COPY_PIECE as u64 + 5,
            section.end - 1,
        ] {
            let mut damaged = bytes.clone();
            damaged[at as usize] ^= 0x01;
            let (_damaged_dir, file) = file_with(&damaged);
            let mut writer = SectionWriter::new(Vec::new());
            assert!(
                writer.copy(&file, section.clone()).is_err(),
                "byte {at} flipped"
            );
        }
        let (_dir, file) = file_with(&bytes);
        let mut writer = SectionWriter::new(Vec::new());
        assert!(writer.copy(&file, 0..4).is_err(), "shorter than a checksum");
    }
}
