//! Wrong: step 3's `charge` writes `self.table.lock().unwrap().insert(k,
//! self.charged(k) + amount)`: the receiver (the guard) is evaluated before the
//! argument, so `charged` locks the mutex the same statement already holds.
//! Real cause: a std::sync::Mutex locked twice on one thread (the temporary
//! guard of the receiver is alive while the arguments run). (Blind round 1.)
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
        self.table
            .lock()
            .unwrap()
            .insert(account.to_owned(), self.charged(account) + amount);
        self.total()
    }
}
