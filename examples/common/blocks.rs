//! The resume markup both fixture generators read: one block per source
//! line, its parser, and the two-column split their column layouts share. Shared by
//! gen_fixtures.rs and gen_eval.rs.

use anyhow::{Result, bail};

/// One logical piece of a resume, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Name(String),
    Contact(String),
    Heading(String),
    Body(String),
    Bullet(String),
    /// A blank line in the source.
    Gap,
}

/// A heading is a line with letters and no lowercase ones.
fn is_heading(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Parses resume markup: line 1 the name, line 2 the contact line, then
/// headings (no lowercase letters), bullets (lines starting with one of
/// `bullet_markers`) and body lines, with blank lines as gaps.
pub fn parse_resume(text: &str, bullet_markers: &[&str]) -> Result<Vec<Block>> {
    let mut lines = text.lines().map(str::trim_end);
    let name = lines.next().filter(|l| !l.trim().is_empty());
    let contact = lines.next().filter(|l| !l.trim().is_empty());
    let (Some(name), Some(contact)) = (name, contact) else {
        bail!("line 1 must be the name and line 2 the contact line");
    };
    let mut blocks = vec![
        Block::Name(name.trim().to_owned()),
        Block::Contact(contact.trim().to_owned()),
    ];
    push_body_blocks(&mut blocks, lines, bullet_markers);
    Ok(blocks)
}

/// Appends the blocks for body lines (everything after name and contact).
pub fn push_body_blocks<'a>(
    blocks: &mut Vec<Block>,
    lines: impl Iterator<Item = &'a str>,
    bullet_markers: &[&str],
) {
    for line in lines {
        let line = line.trim();
        let bullet = bullet_markers.iter().find_map(|m| line.strip_prefix(m));
        let block = if line.is_empty() {
            Block::Gap
        } else if let Some(rest) = bullet {
            Block::Bullet(rest.trim().to_owned())
        } else if is_heading(line) {
            Block::Heading(line.to_owned())
        } else {
            Block::Body(line.to_owned())
        };
        // Collapse runs of blank lines so spacing stays regular.
        if block == Block::Gap && blocks.last() == Some(&Block::Gap) {
            continue;
        }
        blocks.push(block);
    }
    while blocks.last() == Some(&Block::Gap) {
        blocks.pop();
    }
}

/// The two-column split: (name, sidebar, main). The sidebar starts with a
/// CONTACT section made of the contact line split at " | ", then takes every
/// section whose heading is in `sidebar_sections`; the rest is the main
/// column.
pub fn split_columns(
    blocks: &[Block],
    sidebar_sections: &[&str],
) -> Result<(String, Vec<Block>, Vec<Block>)> {
    let (Some(Block::Name(name)), Some(Block::Contact(contact))) = (blocks.first(), blocks.get(1))
    else {
        bail!("the resume must start with name and contact");
    };
    let mut left = vec![Block::Heading("CONTACT".to_owned())];
    left.extend(contact.split(" | ").map(|c| Block::Body(c.to_owned())));
    left.push(Block::Gap);
    let mut right = Vec::new();
    let mut to_sidebar = false;
    for block in &blocks[2..] {
        if let Block::Heading(heading) = block {
            to_sidebar = sidebar_sections.contains(&heading.as_str());
        }
        if to_sidebar {
            left.push(block.clone());
        } else {
            right.push(block.clone());
        }
    }
    Ok((name.clone(), left, right))
}
