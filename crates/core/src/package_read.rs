//! Opening the zip an Office file is (a .docx or an .xlsx, Open Packaging Conventions)
//! and reading one of its XML parts within a size limit. The readers of Word and Excel
//! files share it and name the errors in their own words.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

/// What can go wrong opening a package or reading a part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackageError {
    /// Not a zip at all.
    NotZip,
    /// A zip's local header, but no readable directory, or a part that does not inflate.
    Damaged,
    /// bzip2, zstd or another method this build does not inflate, or encryption.
    Unsupported,
    /// A part that inflates past the limit it was read with.
    TooLarge,
    /// An OLE compound file: Word 97–2003 (.doc), WPS (.wps, .et), Excel 97–2003 (.xls)
    /// or any password-protected Office file.
    LegacyOffice,
}

/// Whether `bytes` are an OLE compound file (see [`PackageError::LegacyOffice`]).
pub fn is_legacy_office(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// An opened package.
pub struct Package<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
}

impl<'b> Package<'b> {
    pub fn open(bytes: &'b [u8]) -> Result<Self, PackageError> {
        if is_legacy_office(bytes) {
            return Err(PackageError::LegacyOffice);
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|err| match err {
            _ if bytes.starts_with(b"PK\x03\x04") => PackageError::Damaged,
            err if is_unsupported(&err) => PackageError::Unsupported,
            _ => PackageError::NotZip,
        })?;
        Ok(Package { zip })
    }

    /// Whether the package has a part `name`, without reading it.
    pub fn has_part(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The part `name` as text, `None` when the package has no such part; refused past
    /// `limit` bytes, counted as they inflate (a zip header's size is only its claim).
    pub fn part(&mut self, name: &str, limit: u64) -> Result<Option<String>, PackageError> {
        let part = match self.zip.by_name(name) {
            Ok(part) => part,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(err) if is_unsupported(&err) => return Err(PackageError::Unsupported),
            Err(_) => return Err(PackageError::Damaged),
        };
        if part.size() > limit {
            return Err(PackageError::TooLarge);
        }
        let mut xml = Vec::new();
        part.take(limit + 1)
            .read_to_end(&mut xml)
            .map_err(|err| match err.kind() {
                std::io::ErrorKind::Unsupported => PackageError::Unsupported,
                _ => PackageError::Damaged,
            })?;
        if xml.len() as u64 > limit {
            return Err(PackageError::TooLarge);
        }
        String::from_utf8(xml)
            .map(Some)
            .map_err(|_| PackageError::Damaged)
    }
}

fn is_unsupported(err: &ZipError) -> bool {
    matches!(
        err,
        ZipError::UnsupportedArchive(_)
            | ZipError::CompressionMethodNotSupported(_)
            | ZipError::InvalidPassword
    )
}
