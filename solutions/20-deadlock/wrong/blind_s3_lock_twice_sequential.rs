//! Wrong: step 3's `charge` records the fee, releases the lock, then calls
//! `self.total()` (a second lock): no hang, but the total is not read in the
//! same critical section as the fee, so with other threads charging it can
//! include fees charged after this one. The README says "Lock once per call".
//! Real cause: atomicity: the answer must be read under the same lock as the
//! write (lock once per call). (Blind round 1.)
//! expect: `charge` locked the table 2 times in one call

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
        {
            let mut t = self.table.lock().unwrap();
            *t.entry(account.to_owned()).or_default() += amount;
        }
        self.total()
    }
}
