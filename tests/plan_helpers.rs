//! Helpers the bundled-plan tests share: the outline read back as text and by part.

use kehoach::plan::Plan;

/// Every heading and text of the plan's outline, joined (the document's prose).
pub fn outline_text(p: &Plan) -> String {
    kehoach::plan::OutlineItem::walk(&p.outline)
        .iter()
        .flat_map(|(_, it)| {
            [&it.part, &it.item, &it.point, &it.dash]
                .into_iter()
                .flatten()
                .map(|s| s.value.clone())
                .chain(it.text.clone())
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The items of the outline part with this heading.
pub fn part_items<'a>(p: &'a Plan, heading: &str) -> &'a [kehoach::plan::OutlineItem] {
    &p.outline
        .iter()
        .find(|it| it.part.as_ref().is_some_and(|h| h.value == heading))
        .unwrap_or_else(|| panic!("no part {heading}"))
        .items
}
