//! Choose (CSL 1.0.2, "Choose"): `<if>`, `<else-if>` and `<else>`, their
//! tests and `match` modes. Conditions are compiled once per style, keyed
//! by element id, so rendering never splits or compares attribute strings.

use crate::model::ItemType;
use crate::style::engine::Ctx;
use crate::style::output::Piece;
use crate::style::tree::Element;

/// How the tests of a condition combine.
#[derive(Debug, Clone, Copy)]
enum Match {
    All,
    Any,
    None,
}

/// One test of a condition.
#[derive(Debug)]
enum Test {
    /// The item's type is one of these (a bit per `ItemType::ALL` index).
    Types(u64),
    /// The variable has a value.
    Variable(&'static str),
    /// The variable is numeric.
    Numeric(&'static str),
    /// Always false in a bibliography entry: locators, positions,
    /// disambiguation and uncertain dates.
    False,
}

/// The compiled tests of an `<if>` or `<else-if>`.
#[derive(Debug)]
pub(crate) struct Condition {
    mode: Match,
    tests: Vec<Test>,
}

impl Condition {
    /// The tests of one `<if>` or `<else-if>`.
    fn compile(el: &Element) -> Condition {
        let mut tests = Vec::new();
        for (attribute, values) in &el.attrs {
            // citeproc-js tests a `type` list as one test (the item's type
            // is one of them), whatever `match` says; every other
            // attribute's values are tests of their own.
            if *attribute == "type" {
                let listed: Vec<&str> = values.split_whitespace().collect();
                tests.push(Test::Types(
                    ItemType::ALL
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| listed.contains(&t.csl_name()))
                        .fold(0u64, |mask, (i, _)| mask | 1 << i),
                ));
                continue;
            }
            for value in values.split_whitespace() {
                tests.push(match *attribute {
                    "variable" => Test::Variable(value),
                    "is-numeric" => Test::Numeric(value),
                    "is-uncertain-date" | "locator" | "position" | "disambiguate" => Test::False,
                    _ => continue,
                });
            }
        }
        let mode = match el.attr("match") {
            Some("any") => Match::Any,
            Some("none") => Match::None,
            _ => Match::All,
        };
        Condition { mode, tests }
    }
}

/// The conditions of every `<if>` and `<else-if>` in a style, by element id.
#[derive(Debug, Default)]
pub(crate) struct Conditions(Vec<Option<Condition>>);

impl Conditions {
    /// Compile every condition below `root`, whose tree has `count` elements.
    pub(crate) fn compile(root: &Element, count: u32) -> Conditions {
        fn walk(el: &Element, out: &mut Vec<Option<Condition>>) {
            if matches!(el.name, "if" | "else-if") {
                if let Some(slot) = out.get_mut(el.id as usize) {
                    *slot = Some(Condition::compile(el));
                }
            }
            el.children.iter().for_each(|c| walk(c, out));
        }
        let mut out = Vec::new();
        out.resize_with(count as usize, || None);
        walk(root, &mut out);
        Conditions(out)
    }

    fn get(&self, el: &Element) -> Option<&Condition> {
        self.0.get(el.id as usize)?.as_ref()
    }
}

impl<'a> Ctx<'a> {
    /// Whether an `<if>` or `<else-if>` holds.
    pub(crate) fn test(&self, el: &Element) -> bool {
        let Some(condition) = self.engine.conditions.get(el) else {
            return false;
        };
        let type_bit = ItemType::ALL
            .iter()
            .position(|t| *t == self.item.reference().item_type)
            .map_or(0, |i| 1u64 << i);
        let mut results = condition.tests.iter().map(|test| match test {
            Test::Types(mask) => mask & type_bit != 0,
            // A variable a `<substitute>` used still tests as present, as in
            // citeproc-js; only its rendering is suppressed.
            Test::Variable(name) => self.item.has(name),
            Test::Numeric(name) => self
                .item
                .text(name)
                .is_some_and(|v| crate::style::number::is_numeric(&v)),
            Test::False => false,
        });
        match condition.mode {
            Match::Any => results.any(|r| r),
            Match::None => !results.any(|r| r),
            Match::All => results.all(|r| r),
        }
    }

    /// The branch of a `<choose>` that holds, if any.
    pub(crate) fn branch(&self, el: &'a Element) -> Option<&'a Element> {
        el.children
            .iter()
            .find(|b| b.name == "else" || self.test(b))
    }

    /// The chosen branch's pieces, each on its own: as in citeproc-js, a
    /// group's delimiter goes between the elements inside a `<choose>`.
    pub(crate) fn choose(&self, el: &'a Element) -> Vec<Piece> {
        self.branch(el)
            .map(|branch| self.children(&branch.children))
            .unwrap_or_default()
    }

    /// The pieces of a list of elements, with `<choose>` spliced in.
    pub(crate) fn children(&self, elements: &'a [Element]) -> Vec<Piece> {
        let mut pieces = Vec::with_capacity(elements.len());
        for el in elements {
            if el.name == "choose" {
                pieces.extend(self.choose(el));
            } else {
                pieces.push(self.eval(el));
            }
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use crate::style::fragments;

    /// `type`, `variable` and `is-numeric` tests with `match` all, any and
    /// none, and a `<choose>` spliced into its group, against citeproc-js.
    #[test]
    fn conditions_as_citeproc_js_decides_them() {
        fragments::check("condition");
    }
}
