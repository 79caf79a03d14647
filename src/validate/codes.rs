//! The catalog of Bandwidth codes and FAQ topics: text, kind, resulting status, meaning, action.
//! (Being written; see issue 2.)
