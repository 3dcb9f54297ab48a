//! Post-processing of the package docx-rs writes, for what it cannot say and for
//! byte-identical output: the archive is read back, `word/document.xml` gets
//! `<w:tblHeader/>` on the first row of every data table (style [`REPEAT_STYLE`]) so Word
//! and LibreOffice repeat it on every page, paragraph ids (`w14:paraId`, from a counter
//! docx-rs keeps per thread) are renumbered from 1 in document order, every section gets
//! the document's header references (page number from page 2) and its properties in the
//! schema's order (docx-rs writes `w:headerReference` after `w:pgSz`), and the archive is
//! written again with its parts in docx-rs's order, no directory entries, deflate, and a
//! fixed timestamp (1980-01-01, the earliest a zip can hold) and permissions.

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;

use super::tables::REPEAT_STYLE;

/// Why the package could not be finished (a docx-rs or zip failure: a bug, not bad input).
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("lỗi nén DOCX (zip error): {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("lỗi XML trong DOCX (xml error): {0}")]
    Xml(String),
    #[error("lỗi ghi DOCX (write error): {0}")]
    Io(#[from] std::io::Error),
}

/// The finished package from the archive docx-rs wrote.
pub fn finish(archive: &[u8]) -> Result<Vec<u8>, PackageError> {
    let mut zin = zip::ZipArchive::new(Cursor::new(archive))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(zin.len());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i)?;
        if f.is_dir() {
            continue;
        }
        let mut bytes = Vec::with_capacity(f.size() as usize);
        f.read_to_end(&mut bytes)?;
        parts.push((f.name().to_string(), bytes));
    }
    let mut para_id = 0u32;
    for (name, bytes) in &mut parts {
        let is_story = name == "word/document.xml"
            || (name.starts_with("word/header") || name.starts_with("word/footer"))
                && name.ends_with(".xml");
        if is_story {
            *bytes = rewrite(bytes, name == "word/document.xml", &mut para_id)?;
        }
    }
    let mut out = Cursor::new(Vec::new());
    let mut zout = zip::ZipWriter::new(&mut out);
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in &parts {
        zout.start_file(name.as_str(), opts)?;
        zout.write_all(bytes)?;
    }
    zout.finish()?;
    Ok(out.into_inner())
}

/// What kind of event is being buffered inside a `w:sectPr`.
enum Kind {
    Start,
    End,
    Empty,
    Other,
}

/// One table being read: whether it is a data table, and how many rows it has had.
struct Tbl {
    repeat: bool,
    rows: usize,
}

fn xml_err(e: impl std::fmt::Display) -> PackageError {
    PackageError::Xml(e.to_string())
}

/// Rewrite one story part: paragraph ids renumbered; in the main document, the header
/// row of each data table marked.
fn rewrite(xml: &[u8], main: bool, para_id: &mut u32) -> Result<Vec<u8>, PackageError> {
    let mark_headers = main;
    let refs = if main {
        last_header_refs(xml)?
    } else {
        Vec::new()
    };
    // Children of the `w:sectPr` being read, each as its events.
    let mut sect: Option<Vec<Vec<Event<'static>>>> = None;
    let mut sect_depth = 0usize;
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len() + 4096));
    let mut tables: Vec<Tbl> = Vec::new();
    // Inside the first row of a data table, before its cells.
    let mut pending = false;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(xml_err)?;
        if main {
            let name = match &event {
                Event::Start(e) | Event::Empty(e) => e.name().as_ref().to_vec(),
                Event::End(e) => e.name().as_ref().to_vec(),
                _ => Vec::new(),
            };
            if let Some(children) = sect.as_mut() {
                let kind = match &event {
                    Event::Start(_) => Kind::Start,
                    Event::End(_) => Kind::End,
                    Event::Empty(_) => Kind::Empty,
                    _ => Kind::Other,
                };
                let owned = event.into_owned();
                match kind {
                    Kind::End if sect_depth == 0 => {
                        let children = sect.take().expect("in a sectPr");
                        write_sect(&mut writer, children, &refs)?;
                    }
                    Kind::Start => {
                        if sect_depth == 0 {
                            children.push(Vec::new());
                        }
                        sect_depth += 1;
                        children.last_mut().expect("child").push(owned);
                    }
                    Kind::End => {
                        sect_depth -= 1;
                        children.last_mut().expect("child").push(owned);
                    }
                    Kind::Empty if sect_depth == 0 => children.push(vec![owned]),
                    _ => {
                        if let Some(c) = children.last_mut() {
                            c.push(owned);
                        }
                    }
                }
                buf.clear();
                continue;
            }
            if name == b"w:sectPr" {
                match &event {
                    Event::Start(_) => {
                        sect = Some(Vec::new());
                        sect_depth = 0;
                        buf.clear();
                        continue;
                    }
                    Event::Empty(_) => {
                        write_sect(&mut writer, Vec::new(), &refs)?;
                        buf.clear();
                        continue;
                    }
                    _ => {}
                }
            }
        }
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if mark_headers {
                    match name {
                        b"w:tbl" if !empty => tables.push(Tbl {
                            repeat: false,
                            rows: 0,
                        }),
                        b"w:tblStyle" => {
                            if let Some(t) = tables.last_mut() {
                                t.repeat |=
                                    attr(e, b"w:val").as_deref() == Some(REPEAT_STYLE.as_bytes());
                            }
                        }
                        b"w:tr" if !empty => {
                            if let Some(t) = tables.last_mut() {
                                t.rows += 1;
                                pending = t.repeat && t.rows == 1;
                            }
                        }
                        b"w:trPr" if pending => {
                            pending = false;
                            let tag = BytesStart::new("w:trPr");
                            writer.write_event(Event::Start(tag)).map_err(xml_err)?;
                            writer
                                .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                                .map_err(xml_err)?;
                            if empty {
                                writer
                                    .write_event(Event::End(quick_xml::events::BytesEnd::new(
                                        "w:trPr",
                                    )))
                                    .map_err(xml_err)?;
                            }
                            buf.clear();
                            continue;
                        }
                        _ if pending => {
                            // A row without properties: give it some.
                            pending = false;
                            writer
                                .write_event(Event::Start(BytesStart::new("w:trPr")))
                                .map_err(xml_err)?;
                            writer
                                .write_event(Event::Empty(BytesStart::new("w:tblHeader")))
                                .map_err(xml_err)?;
                            writer
                                .write_event(Event::End(quick_xml::events::BytesEnd::new("w:trPr")))
                                .map_err(xml_err)?;
                        }
                        _ => {}
                    }
                }
                if name == b"w:p" && e.attributes().flatten().any(|a| is_para_id(a.key.as_ref())) {
                    *para_id += 1;
                    let renumbered = with_para_id(e, *para_id);
                    let ev = if empty {
                        Event::Empty(renumbered)
                    } else {
                        Event::Start(renumbered)
                    };
                    writer.write_event(ev).map_err(xml_err)?;
                    buf.clear();
                    continue;
                }
            }
            Event::End(e) if mark_headers && e.name().as_ref() == b"w:tbl" => {
                tables.pop();
            }
            _ => {}
        }
        writer.write_event(event).map_err(xml_err)?;
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// The `w:headerReference` elements of the document's last `w:sectPr` (its own).
fn last_header_refs(xml: &[u8]) -> Result<Vec<Event<'static>>, PackageError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut refs = Vec::new();
    let mut current = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(xml_err)? {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:sectPr" => current.clear(),
            Event::Empty(e) if e.name().as_ref() == b"w:headerReference" => {
                current.push(Event::Empty(e.into_owned()));
            }
            Event::End(e) if e.name().as_ref() == b"w:sectPr" => {
                refs = std::mem::take(&mut current)
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(refs)
}

/// The order of `CT_SectPr`'s children in the schema.
const SECT_ORDER: [&[u8]; 22] = [
    b"w:headerReference",
    b"w:footerReference",
    b"w:footnotePr",
    b"w:endnotePr",
    b"w:type",
    b"w:pgSz",
    b"w:pgMar",
    b"w:paperSrc",
    b"w:pgBorders",
    b"w:lnNumType",
    b"w:pgNumType",
    b"w:cols",
    b"w:formProt",
    b"w:vAlign",
    b"w:noEndnote",
    b"w:titlePg",
    b"w:textDirection",
    b"w:bidi",
    b"w:rtlGutter",
    b"w:docGrid",
    b"w:printerSettings",
    b"w:sectPrChange",
];

/// A `w:sectPr` with its children in schema order, and the document's header references
/// when it has none of its own.
fn write_sect(
    writer: &mut Writer<Vec<u8>>,
    mut children: Vec<Vec<Event<'static>>>,
    refs: &[Event<'static>],
) -> Result<(), PackageError> {
    let name_of = |c: &Vec<Event<'static>>| match c.first() {
        Some(Event::Start(e)) | Some(Event::Empty(e)) => e.name().as_ref().to_vec(),
        _ => Vec::new(),
    };
    if !children.iter().any(|c| name_of(c) == b"w:headerReference") {
        children.extend(refs.iter().map(|r| vec![r.clone()]));
    }
    // Stable sort: equal names keep their order (default before first).
    children.sort_by_key(|c| {
        let n = name_of(c);
        SECT_ORDER
            .iter()
            .position(|o| *o == n.as_slice())
            .unwrap_or(SECT_ORDER.len())
    });
    writer
        .write_event(Event::Start(BytesStart::new("w:sectPr")))
        .map_err(xml_err)?;
    for c in children {
        for ev in c {
            writer.write_event(ev).map_err(xml_err)?;
        }
    }
    writer
        .write_event(Event::End(quick_xml::events::BytesEnd::new("w:sectPr")))
        .map_err(xml_err)?;
    Ok(())
}

fn is_para_id(key: &[u8]) -> bool {
    key == b"w14:paraId"
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<Vec<u8>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// The same start tag with `w14:paraId` set to `n` (8 hex digits, below 0x80000000 as
/// the schema requires).
fn with_para_id(e: &BytesStart, n: u32) -> BytesStart<'static> {
    let mut out = BytesStart::new(String::from_utf8_lossy(e.name().as_ref()).into_owned());
    let id = format!("{:08X}", n & 0x7FFF_FFFF);
    for a in e.attributes().flatten() {
        if is_para_id(a.key.as_ref()) {
            out.push_attribute((a.key.as_ref(), id.as_bytes()));
        } else {
            out.push_attribute((a.key.as_ref(), a.value.as_ref()));
        }
    }
    out
}
