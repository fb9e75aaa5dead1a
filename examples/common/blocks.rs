//! The resume markup both fixture generators read: one block per source
//! line, and the two-column split their column layouts share. Shared by
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
pub fn is_heading(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
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
