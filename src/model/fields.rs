//! What a field of a plan element is: its key, kind, whether it is required, and how to read
//! and write it. The tables themselves (one per kind of element) are in `field_tables.rs`;
//! decoding, validation, emitting, the minimal-diff patcher, the forms, the change report and
//! the merge all walk them instead of naming the fields again.

use super::{Due, Rag, parse_rag};

/// A value of one field, as edits carry it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// Text; `None` removes an optional field.
    Text(Option<String>),
    /// A rating; `None` means not yet rated.
    Rag(Option<Rag>),
    /// A timescale; `None` removes it.
    Due(Option<Due>),
    /// The owners list.
    Owners(Vec<String>),
}

/// What a field holds, which says how it is read, written, checked, shown and edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text on one line (a ref, a title, a figure).
    Text,
    /// Text that may run over several lines (progress, notes).
    Lines,
    /// A RAG rating.
    Rag,
    /// A timescale: a date, a month, `ongoing`, or text kept as written.
    Due,
    /// A list of owners.
    Owners,
}

/// How a field is reached in its element `E`: a reader and a writer of the slot that holds it.
pub enum Slot<E> {
    /// Text that must be there (a ref, the element's own text).
    Required(fn(&E) -> &String, fn(&mut E) -> &mut String),
    /// Text that may be empty, and is then left out of the file (a plan's title).
    Plain(fn(&E) -> &String, fn(&mut E) -> &mut String),
    /// Optional text.
    Text(fn(&E) -> &Option<String>, fn(&mut E) -> &mut Option<String>),
    /// An optional rating.
    Rag(fn(&E) -> &Option<Rag>, fn(&mut E) -> &mut Option<Rag>),
    /// An optional timescale.
    Due(fn(&E) -> &Option<Due>, fn(&mut E) -> &mut Option<Due>),
    /// The owners list (empty when nobody is named).
    Owners(fn(&E) -> &Vec<String>, fn(&mut E) -> &mut Vec<String>),
}

/// One row of a field table: a field of element `E`.
pub struct FieldSpec<E: 'static> {
    /// The key in plan files, which is also the field's name everywhere else.
    pub key: &'static str,
    /// Text that may run over several lines (the multi-line editor in the UI).
    pub lines: bool,
    /// Where the value lives.
    pub slot: Slot<E>,
}

/// Why a value could not be written into a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetError {
    /// A required field would become empty.
    Empty,
    /// The value is of another kind than the field (a rating for a date).
    WrongKind,
}

impl<E> FieldSpec<E> {
    /// What the field holds.
    pub fn kind(&self) -> Kind {
        match self.slot {
            Slot::Required(..) | Slot::Plain(..) | Slot::Text(..) if self.lines => Kind::Lines,
            Slot::Required(..) | Slot::Plain(..) | Slot::Text(..) => Kind::Text,
            Slot::Rag(..) => Kind::Rag,
            Slot::Due(..) => Kind::Due,
            Slot::Owners(..) => Kind::Owners,
        }
    }

    /// True when every element must have this field.
    pub fn required(&self) -> bool {
        matches!(self.slot, Slot::Required(..))
    }

    /// The field's value in `element` (a required or plain field's text is always `Some`).
    pub fn get(&self, element: &E) -> FieldValue {
        match &self.slot {
            Slot::Required(get, _) | Slot::Plain(get, _) => {
                FieldValue::Text(Some(get(element).clone()))
            }
            Slot::Text(get, _) => FieldValue::Text(get(element).clone()),
            Slot::Rag(get, _) => FieldValue::Rag(*get(element)),
            Slot::Due(get, _) => FieldValue::Due(get(element).clone()),
            Slot::Owners(get, _) => FieldValue::Owners(get(element).clone()),
        }
    }

    /// True when the field holds something (text, a rating, a date, at least one owner).
    pub fn filled(&self, element: &E) -> bool {
        match &self.slot {
            Slot::Required(get, _) | Slot::Plain(get, _) => !get(element).is_empty(),
            Slot::Text(get, _) => get(element).is_some(),
            Slot::Rag(get, _) => get(element).is_some(),
            Slot::Due(get, _) => get(element).is_some(),
            Slot::Owners(get, _) => !get(element).is_empty(),
        }
    }

    /// True when the field holds the same in `a` and `b` (no copies made).
    pub fn same(&self, a: &E, b: &E) -> bool {
        match &self.slot {
            Slot::Required(get, _) | Slot::Plain(get, _) => get(a) == get(b),
            Slot::Text(get, _) => get(a) == get(b),
            Slot::Rag(get, _) => get(a) == get(b),
            Slot::Due(get, _) => get(a) == get(b),
            Slot::Owners(get, _) => get(a) == get(b),
        }
    }

    /// Writes `value` into `element` and returns the value it replaces; on error the element
    /// is unchanged.
    pub fn set(&self, element: &mut E, value: FieldValue) -> Result<FieldValue, SetError> {
        use std::mem::replace;
        Ok(match (&self.slot, value) {
            (Slot::Required(..), FieldValue::Text(None)) => return Err(SetError::Empty),
            (Slot::Required(_, slot), FieldValue::Text(Some(v))) => {
                FieldValue::Text(Some(replace(slot(element), v)))
            }
            (Slot::Plain(_, slot), FieldValue::Text(v)) => {
                FieldValue::Text(Some(replace(slot(element), v.unwrap_or_default())))
            }
            (Slot::Text(_, slot), FieldValue::Text(v)) => {
                FieldValue::Text(replace(slot(element), v))
            }
            (Slot::Rag(_, slot), FieldValue::Rag(v)) => FieldValue::Rag(replace(slot(element), v)),
            (Slot::Due(_, slot), FieldValue::Due(v)) => FieldValue::Due(replace(slot(element), v)),
            (Slot::Owners(_, slot), FieldValue::Owners(v)) => {
                FieldValue::Owners(replace(slot(element), v))
            }
            _ => return Err(SetError::WrongKind),
        })
    }

    /// Reads a value typed by a person: a rating `red|amber|green|blue|none`, a timescale as
    /// [`Due::parse_natural`] reads it (empty clears), owners comma-separated (`;`-separated when the text has a `;`), text as given
    /// (empty clears an optional field). The error says what is expected.
    pub fn parse(&self, text: &str) -> Result<FieldValue, String> {
        match self.slot {
            Slot::Rag(..) => parse_rag(text)
                .map(FieldValue::Rag)
                .ok_or_else(|| "use red, amber, green, blue or none".to_string()),
            Slot::Due(..) => match text.trim() {
                "" => Ok(FieldValue::Due(None)),
                other => Due::parse_natural(other)
                    .map(|d| FieldValue::Due(Some(d)))
                    .map_err(|e| e.to_string()),
            },
            // Commas separate owners, unless the text has a `;`: then `;` does, so a name
            // that holds a comma ("Head of Service, Early Help") stays one owner.
            Slot::Owners(..) => Ok(FieldValue::Owners(
                text.split(if text.contains(';') { ';' } else { ',' })
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(String::from)
                    .collect(),
            )),
            Slot::Required(..) | Slot::Plain(..) | Slot::Text(..) => Ok(FieldValue::Text(
                Some(text.to_string()).filter(|t| !t.trim().is_empty()),
            )),
        }
    }
}

/// The row of `table` with this key.
pub fn find<E>(table: &'static [FieldSpec<E>], key: &str) -> Option<&'static FieldSpec<E>> {
    table.iter().find(|spec| spec.key == key)
}

/// A field table and the enum that names its rows, from one list: each row is
/// `Variant: "key", Slot(struct_field)[, lines];`, and `nested "key";` places a key the
/// element's own code handles (its lists, `custom`) in the canonical order.
macro_rules! field_table {
    (
        $(#[$doc:meta])*
        $Enum:ident of $Elem:ident: table $TABLE:ident, keys $KEYS:ident { $($rows:tt)* }
    ) => {
        field_table!(@row [$(#[$doc])* $Enum $Elem $TABLE $KEYS] [] [] [] $($rows)*);
    };
    (@row $head:tt [$($v:tt)*] [$($s:tt)*] [$($k:tt)*]
        $(#[$vdoc:meta])* $Var:ident: $key:literal, $slot:ident($field:ident) $(, $lines:ident)?;
        $($rest:tt)*
    ) => {
        field_table!(@row $head [$($v)* $(#[$vdoc])* $Var,]
            [$($s)* ($key $slot $field [$($lines)?])] [$($k)* $key,] $($rest)*);
    };
    (@row $head:tt $v:tt $s:tt [$($k:tt)*] nested $key:literal; $($rest:tt)*) => {
        field_table!(@row $head $v $s [$($k)* $key,] $($rest)*);
    };
    (@lines []) => { false };
    (@lines [lines]) => { true };
    (@row [$(#[$doc:meta])* $Enum:ident $Elem:ident $TABLE:ident $KEYS:ident]
        [$($(#[$vdoc:meta])* $Var:ident,)*]
        [$(($key:literal $slot:ident $field:ident $lines:tt))*]
        [$($all:literal,)*]
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $Enum {
            $($(#[$vdoc])* $Var,)*
        }

        #[doc = concat!("The fields of ", stringify!($Elem), "s: one row per [`", stringify!($Enum), "`], in canonical order.")]
        pub const $TABLE: &[FieldSpec<$Elem>] = &[$(FieldSpec {
            key: $key,
            lines: field_table!(@lines $lines),
            slot: Slot::$slot(|e| &e.$field, |e| &mut e.$field),
        }),*];

        #[doc = concat!("Every key ", stringify!($Elem), "s may hold, in canonical order.")]
        pub const $KEYS: &[&str] = &[$($all),*];

        impl $Enum {
            /// Every field, in canonical order.
            pub const ALL: [$Enum; $TABLE.len()] = [$($Enum::$Var),*];

            /// This field's row of the table.
            pub fn spec(self) -> &'static FieldSpec<$Elem> {
                &$TABLE[self as usize]
            }

            /// The field's key in plan files.
            pub fn key(self) -> &'static str {
                self.spec().key
            }

            /// The field with this key.
            pub fn from_key(key: &str) -> Option<$Enum> {
                $Enum::ALL.into_iter().find(|f| f.key() == key)
            }
        }

        impl std::fmt::Display for $Enum {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

pub(super) use field_table;
