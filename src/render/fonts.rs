//! Fonts: Liberation Serif 2.1.5 (SIL OFL 1.1, Times New Roman metrics, full Vietnamese
//! coverage) embedded in the binary with Symbola as the one fallback for symbols and
//! emoji, plus any fonts found in `--font-path` directories.
//! Typst's own bundled fonts are never loaded (Libertinus Serif Bold Italic lacks Ơ/Ư).

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

use super::RenderError;

/// The family name the templates use.
pub const FAMILY: &str = "Liberation Serif";

/// The fallback for symbols and emoji Liberation Serif lacks.
pub const FALLBACK: &str = "Symbola";

static EMBEDDED: [&[u8]; 5] = [
    include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
    include_bytes!("../../fonts/Symbola.ttf"),
];

/// The fonts a render may use, and their book.
#[derive(Debug)]
pub struct Fonts {
    pub book: FontBook,
    pub fonts: Vec<Font>,
}

impl Fonts {
    /// The embedded fonts, then every font file (`.ttf`, `.otf`, `.ttc`, `.otc`) under
    /// the given directories, in sorted path order (so font selection is deterministic).
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<Fonts, RenderError> {
        let mut fonts: Vec<Font> = EMBEDDED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        for dir in dirs {
            let dir = dir.as_ref();
            if !dir.is_dir() {
                return Err(RenderError::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "font directory not found",
                    ),
                });
            }
            let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|p| is_font_file(p))
                .collect();
            paths.sort();
            for path in paths {
                let data = std::fs::read(&path).map_err(|source| RenderError::Io {
                    path: path.clone(),
                    source,
                })?;
                fonts.extend(Font::iter(Bytes::new(data)));
            }
        }
        let book = FontBook::from_fonts(&fonts);
        Ok(Fonts { book, fonts })
    }
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_path_adds_fonts_and_a_missing_one_is_an_error() {
        let dir = std::env::temp_dir().join(format!("kehoach-fonts-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/Extra.ttf"), EMBEDDED[0]).unwrap();
        std::fs::write(dir.join("notes.txt"), "không phải phông").unwrap();
        let f = Fonts::load(&[&dir]).unwrap();
        assert_eq!(f.fonts.len(), EMBEDDED.len() + 1);
        assert!(Fonts::load(&[dir.join("missing")]).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn four_embedded_faces_cover_vietnamese() {
        let f = Fonts::load(&[] as &[&Path]).unwrap();
        assert_eq!(f.fonts.len(), 5);
        for font in f.fonts.iter().filter(|f| f.info().family == FAMILY) {
            assert_eq!(font.info().family, FAMILY);
            for c in "ƠơƯưẮằẳẵặỆệỘộỮữỸỹĐđ".chars() {
                assert!(font.info().coverage.contains(c as u32), "{c} missing");
            }
        }
    }
}
