//! Wrong: `charge` updates an existing fee inside `if let Some(fee) =
//! self.table.lock().unwrap().get_mut(..)` and calls `self.total()` in the
//! block: the scrutinee's guard lives through the whole `if let`, so the
//! second charge of one account locks the table twice on one thread. The
//! first charge of a new account already locks twice, one after the other.
//! expect: held to the end of the whole `if let` or `match`

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
        self.table.lock().unwrap().values().sum()
    }

    pub fn charge(&self, account: &str, amount: u64) -> u64 {
        if let Some(fee) = self.table.lock().unwrap().get_mut(account) {
            *fee += amount;
            return self.total();
        }
        let mut t = self.table.lock().unwrap();
        t.insert(account.to_owned(), amount);
        t.values().sum()
    }
}
