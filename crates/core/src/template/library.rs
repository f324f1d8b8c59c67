//! The user's own templates. Importing never overwrites: a name already in use is
//! reported so the UI can ask whether to keep both or replace that one template.

use super::Template;

/// Enough for every district of a city and every year's variant.
pub const MAX_LIBRARY_TEMPLATES: usize = 100;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateLibrary {
    pub templates: Vec<Template>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    /// Added at this position.
    Added(usize),
    /// A user template or a built-in has this name; nothing was changed. Follow up with
    /// [`TemplateLibrary::add_renamed`] or [`TemplateLibrary::replace`].
    NameExists,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    #[error("模板库已满（最多 {MAX_LIBRARY_TEMPLATES} 个模板），请先删除不再使用的模板")]
    Full,
    #[error("“{0}”是内置模板，不能替换；请选择保留两者")]
    Builtin(String),
    #[error("模板库中没有名为“{0}”的模板可替换")]
    NotFound(String),
}

impl TemplateLibrary {
    /// Adds `template` unless its name is taken (by a user template or a built-in).
    pub fn add(&mut self, template: Template) -> Result<AddOutcome, LibraryError> {
        if self.name_taken(&template.name) {
            return Ok(AddOutcome::NameExists);
        }
        self.push(template).map(AddOutcome::Added)
    }

    /// "Keep both": adds `template` under the first free name `名称 (2)`, `名称 (3)`…
    /// (counting on from a suffix the name already has). Returns its position.
    pub fn add_renamed(&mut self, mut template: Template) -> Result<usize, LibraryError> {
        let (base, first) = split_counter(&template.name);
        template.name = (first..)
            .map(|n| format!("{base} ({n})"))
            .find(|name| !self.name_taken(name))
            .expect("a library holds fewer names than there are numbers");
        self.push(template)
    }

    /// "Replace": puts `template` in place of the user template of the same name,
    /// leaving every other template alone. Returns its position.
    pub fn replace(&mut self, template: Template) -> Result<usize, LibraryError> {
        if is_builtin_name(&template.name) {
            return Err(LibraryError::Builtin(template.name));
        }
        let Some(index) = self.templates.iter().position(|t| t.name == template.name) else {
            return Err(LibraryError::NotFound(template.name));
        };
        self.templates[index] = template;
        Ok(index)
    }

    fn name_taken(&self, name: &str) -> bool {
        is_builtin_name(name) || self.templates.iter().any(|t| t.name == name)
    }

    fn push(&mut self, template: Template) -> Result<usize, LibraryError> {
        if self.templates.len() >= MAX_LIBRARY_TEMPLATES {
            return Err(LibraryError::Full);
        }
        self.templates.push(template);
        Ok(self.templates.len() - 1)
    }
}

/// Whether `name` is a built-in template's, which is never replaced.
pub fn is_builtin_name(name: &str) -> bool {
    Template::builtins()
        .iter()
        .any(|builtin| builtin.name == name)
}

/// `名称 (3)` → (`名称`, 4); a name without a counter → (name, 2).
fn split_counter(name: &str) -> (&str, u32) {
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .and_then(|(base, n)| Some((base, n.parse::<u32>().ok()?.checked_add(1)?)))
        .filter(|(base, _)| !base.is_empty())
        .unwrap_or((name, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Template {
        Template {
            name: name.into(),
            ..Template::builtin_default()
        }
    }

    #[test]
    fn a_new_name_is_added() {
        let mut lib = TemplateLibrary::default();
        assert_eq!(lib.add(named("杭州市模板")), Ok(AddOutcome::Added(0)));
        assert_eq!(lib.add(named("上城区模板")), Ok(AddOutcome::Added(1)));
    }

    #[test]
    fn a_clash_changes_nothing_and_offers_both_choices() {
        let mut lib = TemplateLibrary::default();
        lib.add(named("杭州市模板")).unwrap();
        let mut incoming = named("杭州市模板");
        incoming.description = "新版".into();
        assert_eq!(lib.add(incoming.clone()), Ok(AddOutcome::NameExists));
        assert_eq!(lib.templates.len(), 1);
        assert_ne!(lib.templates[0].description, "新版");

        let mut kept = lib.clone();
        assert_eq!(kept.add_renamed(incoming.clone()), Ok(1));
        assert_eq!(kept.templates[1].name, "杭州市模板 (2)");
        assert_eq!(kept.add_renamed(incoming.clone()), Ok(2));
        assert_eq!(kept.templates[2].name, "杭州市模板 (3)");
        assert_eq!(kept.templates[0].description, lib.templates[0].description);

        lib.add(named("上城区模板")).unwrap();
        assert_eq!(lib.replace(incoming), Ok(0));
        assert_eq!(lib.templates[0].description, "新版");
        assert_eq!(lib.templates[1].name, "上城区模板");
    }

    #[test]
    fn renaming_counts_on_from_an_existing_counter() {
        let mut lib = TemplateLibrary::default();
        lib.add(named("模板 (2)")).unwrap();
        assert_eq!(lib.add(named("模板 (2)")), Ok(AddOutcome::NameExists));
        lib.add_renamed(named("模板 (2)")).unwrap();
        assert_eq!(lib.templates[1].name, "模板 (3)");
        assert_eq!(split_counter(" (2)"), (" (2)", 2));
        assert_eq!(split_counter("模板 (x)"), ("模板 (x)", 2));
    }

    #[test]
    fn built_in_names_are_taken_and_never_replaced() {
        let mut lib = TemplateLibrary::default();
        let builtin = Template::builtin_default();
        assert_eq!(lib.add(builtin.clone()), Ok(AddOutcome::NameExists));
        assert_eq!(
            lib.replace(builtin.clone()).unwrap_err().to_string(),
            format!("“{}”是内置模板，不能替换；请选择保留两者", builtin.name)
        );
        assert_eq!(lib.add_renamed(builtin.clone()), Ok(0));
        assert_eq!(lib.templates[0].name, format!("{} (2)", builtin.name));
        assert_eq!(
            lib.replace(named("没有这个")),
            Err(LibraryError::NotFound("没有这个".into()))
        );
    }

    #[test]
    fn a_full_library_refuses_more() {
        let mut lib = TemplateLibrary::default();
        for i in 0..MAX_LIBRARY_TEMPLATES {
            lib.add(named(&format!("模板{i}"))).unwrap();
        }
        assert_eq!(lib.add(named("再一个")), Err(LibraryError::Full));
        assert_eq!(lib.add_renamed(named("模板0")), Err(LibraryError::Full));
    }
}
