//! Variables by name: the session's workspace, each function call's, and
//! the values a lambda captures.
//!
//! Each name gets a slot that stays put while the workspace lives (removing
//! a variable empties its slot), and every workspace has an id no other one
//! shares, so an AST [`Name`] can remember (id, slot) from its last lookup
//! and skip the hash table next time: a scalar loop spent half its time
//! hashing and comparing names.

use crate::syntax::ast::Name;
use crate::value::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

fn fresh_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Debug)]
pub struct Vars {
    id: u64,
    index: HashMap<String, u32, rustc_hash::FxBuildHasher>,
    slots: Vec<Option<Value>>,
}

impl Default for Vars {
    fn default() -> Self {
        Vars {
            id: fresh_id(),
            index: HashMap::default(),
            slots: Vec::new(),
        }
    }
}

/// A copy is a different workspace: its slots may diverge, so it gets its own id.
impl Clone for Vars {
    fn clone(&self) -> Self {
        Vars {
            id: fresh_id(),
            index: self.index.clone(),
            slots: self.slots.clone(),
        }
    }
}

impl Vars {
    pub fn get(&self, name: &str) -> Option<&Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].as_ref()
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].as_mut()
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The slot of `name`, from its cache when that was filled here. The
    /// cached case is a few instructions inlined where variables are read in
    /// loops; a call with the hashing inside cost a tenth of `s = s + i`.
    #[inline(always)]
    fn slot(&self, name: &Name) -> Option<usize> {
        let (id, i) = name.slot.get();
        if id == self.id {
            return Some(i as usize);
        }
        self.slot_by_name(name)
    }

    #[cold]
    #[inline(never)]
    fn slot_by_name(&self, name: &Name) -> Option<usize> {
        let &i = self.index.get(name.as_str())?;
        name.slot.set((self.id, i));
        Some(i as usize)
    }

    /// [`Vars::get`] through the name's slot cache.
    #[inline(always)]
    pub fn lookup(&self, name: &Name) -> Option<&Value> {
        self.slots.get(self.slot(name)?)?.as_ref()
    }

    /// [`Vars::get_mut`] through the name's slot cache.
    #[inline(always)]
    pub fn lookup_mut(&mut self, name: &Name) -> Option<&mut Value> {
        let i = self.slot(name)?;
        self.slots.get_mut(i)?.as_mut()
    }

    pub fn insert(&mut self, name: &str, v: Value) -> Option<Value> {
        match self.index.get(name) {
            Some(&i) => self.slots[i as usize].replace(v),
            None => {
                let i = u32::try_from(self.slots.len()).expect("fewer than 2^32 variables");
                self.index.insert(name.to_string(), i);
                self.slots.push(Some(v));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let &i = self.index.get(name)?;
        self.slots[i as usize].take()
    }

    pub fn clear(&mut self) {
        *self = Vars::default();
    }

    /// Names of the defined variables, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &String> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// (name, value) pairs in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> + '_ {
        self.index
            .iter()
            .filter_map(|(k, &i)| Some((k, self.slots[i as usize].as_ref()?)))
    }

    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<S: AsRef<str>> FromIterator<(S, Value)> for Vars {
    fn from_iter<I: IntoIterator<Item = (S, Value)>>(iter: I) -> Self {
        let mut v = Vars::default();
        v.extend(iter);
        v
    }
}

impl<S: AsRef<str>> Extend<(S, Value)> for Vars {
    fn extend<I: IntoIterator<Item = (S, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k.as_ref(), v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: Option<&Value>) -> Option<f64> {
        match v {
            Some(Value::Real(m)) => Some(m[0]),
            _ => None,
        }
    }

    #[test]
    fn cached_lookups_follow_the_workspace() {
        let (x, y) = (Name::new("x"), Name::new("y"));
        let mut a = Vars::default();
        a.insert("y", Value::scalar(0.0));
        a.insert("x", Value::scalar(1.0));
        assert_eq!(num(a.lookup(&x)), Some(1.0));
        // Another workspace with other slots: the cache must not leak across.
        let mut b = Vars::default();
        b.insert("x", Value::scalar(2.0));
        assert_eq!(num(b.lookup(&x)), Some(2.0));
        assert_eq!(num(a.lookup(&x)), Some(1.0));
        assert!(b.lookup(&y).is_none());
        // A clone diverges from its original.
        let mut c = a.clone();
        c.remove("y");
        c.insert("z", Value::scalar(3.0));
        assert_eq!(num(c.lookup(&x)), Some(1.0));
        assert!(c.lookup(&y).is_none());
        assert_eq!(num(a.lookup(&y)), Some(0.0));
        // Removing empties the slot; clearing forgets every slot.
        a.remove("x");
        assert!(a.lookup(&x).is_none());
        a.insert("x", Value::scalar(4.0));
        assert_eq!(num(a.lookup(&x)), Some(4.0));
        a.clear();
        a.insert("q", Value::scalar(5.0));
        assert!(a.lookup(&x).is_none());
        assert_eq!(a.keys().collect::<Vec<_>>(), vec!["q"]);
        if let Some(v) = a.lookup_mut(&Name::new("q")) {
            *v = Value::scalar(6.0);
        }
        assert_eq!(num(a.get("q")), Some(6.0));
        assert_eq!(a.len(), 1);
    }
}
