//! The style `citecard cite` formats with: a built-in one, a CSL file
//! (`--csl`), or any style of a local copy of the CSL styles repository
//! (`--style ID --styles-dir DIR`), dependent styles resolved to their
//! parent.

use std::path::{Path, PathBuf};

use citecard_core::style::{self, Citation, CslStyle, LocaleFile, Style, StyleFile};
use citecard_core::Reference;

use crate::Failure;

/// A style ready to format.
pub(crate) enum Chosen {
    /// One of the built-in styles.
    BuiltIn(Style),
    /// A CSL file compiled at run time.
    Csl(Box<CslStyle>),
}

impl Chosen {
    /// The entry for `reference`.
    pub(crate) fn cite(&self, reference: &Reference) -> Option<Citation> {
        match self {
            Chosen::BuiltIn(style) => style::cite(reference, *style),
            Chosen::Csl(style) => Some(style.cite(reference)),
        }
    }
}

/// What the command line asked for.
#[derive(Default)]
pub(crate) struct StyleArgs {
    /// `--style ID`.
    pub(crate) id: Option<String>,
    /// `--csl FILE`.
    pub(crate) csl: Option<String>,
    /// `--locale FILE|TAG`.
    pub(crate) locale: Option<String>,
    /// `--styles-dir DIR`.
    pub(crate) styles_dir: Option<String>,
}

impl StyleArgs {
    /// Take the option `arg` (its value from `next`) if it is one of these.
    pub(crate) fn take(
        &mut self,
        arg: &str,
        next: &mut dyn FnMut() -> Option<String>,
    ) -> Result<bool, Failure> {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg, None),
        };
        let slot = match name {
            "-s" | "--style" => &mut self.id,
            "--csl" => &mut self.csl,
            "--locale" => &mut self.locale,
            "--styles-dir" => &mut self.styles_dir,
            _ => return Ok(false),
        };
        let value = inline
            .or_else(next)
            .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?;
        *slot = Some(value);
        Ok(true)
    }

    /// The style, compiled; warnings about it go to standard error.
    pub(crate) fn load(&self) -> Result<Chosen, Failure> {
        let (file, path) = match (&self.csl, &self.id) {
            (Some(_), Some(_)) => {
                return Err(Failure::Usage("give --style or --csl, not both".into()))
            }
            (None, None) => return Err(Failure::Usage("cite needs --style or --csl".into())),
            (None, Some(id)) => match id.parse::<Style>() {
                Ok(style) if self.styles_dir.is_none() => {
                    if self.locale.is_some() {
                        return Err(Failure::Usage(format!(
                            "--locale applies to --csl and --styles-dir styles; the built-in `{id}` formats in its own locale"
                        )));
                    }
                    return Ok(Chosen::BuiltIn(style));
                }
                _ => self.find(id)?,
            },
            (Some(path), None) => (read_style(Path::new(path))?, PathBuf::from(path)),
        };
        let (parent, dependent) = if file.is_dependent() {
            let uri = file.parent().unwrap_or_default();
            let name = StyleFile::short_name(uri);
            // In the CSL styles repository a dependent file sits in
            // `dependent/`, below its parents.
            let file_name = format!("{name}.csl");
            let beside = path.parent().and_then(Path::parent).and_then(|up| {
                [up.join(&file_name), up.join("styles").join(&file_name)]
                    .into_iter()
                    .find(|p| p.is_file())
            });
            let parent = match (&self.styles_dir, beside) {
                (Some(_), _) => self.find(name)?.0,
                (None, Some(beside)) => read_style(&beside)?,
                _ => {
                    return Err(Failure::Io(format!(
                        "{}: a dependent style of {uri}: give --styles-dir with a copy of the CSL styles repository",
                        path.display()
                    )))
                }
            };
            (parent, Some(file))
        } else {
            (file, None)
        };
        let (lang, locale) = match &self.locale {
            None => (None, None),
            Some(value) if Path::new(value).is_file() => {
                let text = std::fs::read_to_string(value)
                    .map_err(|e| Failure::Io(format!("cannot read {value}: {e}")))?;
                let locale =
                    LocaleFile::parse(&text).map_err(|e| Failure::Io(format!("{value}: {e}")))?;
                (None, Some(locale))
            }
            Some(tag) => (Some(tag.as_str()), None),
        };
        let style = CslStyle::new(&parent, dependent.as_ref(), lang, locale.as_ref())
            .map_err(|e| Failure::Io(format!("{}: {e}", path.display())))?;
        for warning in style.warnings() {
            eprintln!("warning: {}: {warning}", path.display());
        }
        Ok(Chosen::Csl(Box::new(style)))
    }

    /// The style called `id` in `--styles-dir` (or a dependent one in its
    /// `dependent/` folder).
    fn find(&self, id: &str) -> Result<(StyleFile, PathBuf), Failure> {
        let Some(dir) = &self.styles_dir else {
            return Err(Failure::Usage(format!(
                "unknown style `{id}`: the built-in styles are {}; give --styles-dir DIR (a copy of the CSL styles repository) for any other",
                Style::ALL.map(Style::id).join(", ")
            )));
        };
        let dir = Path::new(dir);
        let file_name = format!("{id}.csl");
        let candidates = [
            dir.join(&file_name),
            dir.join("dependent").join(&file_name),
            dir.join("../dependent").join(&file_name),
        ];
        let path = candidates.iter().find(|p| p.is_file()).ok_or_else(|| {
            Failure::Io(format!(
                "no style `{id}` in {}: looked for {file_name}, dependent/{file_name} and ../dependent/{file_name}",
                dir.display()
            ))
        })?;
        Ok((read_style(path)?, path.clone()))
    }
}

fn read_style(path: &Path) -> Result<StyleFile, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", path.display())))?;
    StyleFile::parse(&text).map_err(|e| Failure::Io(format!("{}: {e}", path.display())))
}
