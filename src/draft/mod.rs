//! Drafting: a new plan from the catalogue (`new`), next year's draft from this year's plan
//! and the published results (`next`), and the per-agency extract of a plan.
//!
//! ```text
//! Catalogue ─ new::new_plan ─▶ Plan (draft: every indicator a row, blanks to fill)
//! Plan + Results ─ next::next_plan ─▶ Plan (next year's draft) + Report (what changed)
//! Plan + Registry ─ agency::extract ─▶ Extract (the tasks one agency leads or supports)
//! Plan ─ yaml::to_yaml ─▶ plan YAML text (reads back as the same plan)
//! ```
//!
//! Everything here builds models; writing files and printing is left to `cli/`.

pub mod agency;
pub mod new;
pub mod next;
pub mod results;
pub mod yaml;
