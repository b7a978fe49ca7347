//! # Kata 15: connection pool
//!
//! > Build an async DB pool: what happens when every connection is busy,
//! > and when a handler is cancelled mid-query?
//!
//! Work the steps in order; README.md says what each must do, and gives
//! hints. `cargo test -p connection-pool` checks them, and draws what ran
//! when.
//!
//! The tests build a `Pool` over the simulated database (`world::Db`) and
//! run handlers, each in a task of its own, that call [`handle`]. A query
//! takes virtual time on its connection (rows `conn 1`, `conn 2`...). A
//! query future dropped mid-way leaves its connection half-used
//! (`Conn::is_clean()` is false): its next user would read the rows still
//! owed to the cancelled query. `db.connect().await` opens a fresh
//! connection in 50 ms.
//!
//! You define `Pool` and `PooledConn`: the fields, and how `acquire` and
//! the guard's `Drop` work. Keep the signatures of `Pool::new` and
//! `handle`: the tests call them.

// The starting bodies are `todo!()`, which leaves the parameters unused.
// Delete this line once every step is written.
#![allow(unused_variables)]

use std::ops::{Deref, DerefMut};
use std::time::Duration;

use world::{Conn, Db, DbError, Query};

/// How long a handler waits for a free connection before it gives up.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(1);

/// How long a request may take in all, waiting for a connection included.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(2);

/// Why `acquire` gave no connection.
#[derive(Debug, PartialEq, Eq)]
pub enum PoolError {
    /// Every connection stayed busy for the whole acquire timeout.
    Timeout,
}

/// Why a request got no rows.
#[derive(Debug, PartialEq, Eq)]
pub enum HandlerError {
    /// No connection came free within [`ACQUIRE_TIMEOUT`].
    NoConnection,
    /// The query failed.
    Query(DbError),
    /// The request ran past [`REQUEST_DEADLINE`].
    Deadline,
}

/// Step 1: the pool. Shared by every handler (behind an `Arc`).
pub struct Pool {
    // step 1: what the handlers share; see README step 1
}

/// Step 1: a connection lent to one handler; back to the pool on drop.
pub struct PooledConn {
    // step 1: the connection, and what it needs to go back; see README step 1
}

impl Pool {
    /// Step 1: a pool of `size` connections, opened now (`db.open()`).
    pub fn new(db: Db, size: usize) -> Pool {
        todo!("step 1: open `size` connections and keep them idle; see README step 1")
    }

    /// Steps 1 and 3: a connection, once one is free; `PoolError::Timeout`
    /// if none is within `wait`.
    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        todo!(
            "step 1: wait for a free connection, without a lock held across queries; see README step 1"
        )
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        todo!("step 1: the connection lent; see README step 1")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        todo!("step 1: the connection lent; see README step 1")
    }
}

impl Drop for PooledConn {
    /// Steps 1, 2 and 4: runs however the handler ends.
    fn drop(&mut self) {
        todo!("step 1: put the connection back and call conn.checked_in(); see README step 1")
    }
}

/// Steps 1 to 4: one request: a connection within [`ACQUIRE_TIMEOUT`],
/// its query, all within [`REQUEST_DEADLINE`].
pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    todo!("step 1: acquire a connection, run the query on it; see README step 1")
}
