//! Wrong: step 3's `charge` locks the table, records the fee, then calls
//! `self.total()` which locks it again: the thread asks for a std Mutex it
//! holds and blocks for ever. Real cause: a std::sync::Mutex is not reentrant:
//! locked twice on one thread it never returns (the runtime thread stops).
//! (Blind round 1.)
//! expect: locked a second time by the thread that already holds it

/// Step 3 (wrong).
pub struct Fees {
    table: CountedMutex<HashMap<String, u64>>,
}

impl Fees {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fees {
        Fees {
            table: CountedMutex::new(HashMap::new()),
        }
    }

    pub fn charged(&self, account: &str) -> u64 {
        self.table
            .lock()
            .unwrap()
            .get(account)
            .copied()
            .unwrap_or(0)
    }

    pub fn total(&self) -> u64 {
        sum(&self.table.lock().unwrap())
    }

    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        let mut t = self.table.lock().unwrap();
        *t.entry(account.to_owned()).or_default() += amount;
        self.total()
    }
}
