//! 计划覆盖: importing the year's plan and the coverage of its items.

pub mod coverage_glance;
pub mod coverage_item;
pub mod coverage_step;
pub mod open_plan_items;
pub mod plan_importer;
