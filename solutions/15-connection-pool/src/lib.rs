//! # Kata 15: connection pool (the reference answer)
//!
//! > Build an async DB pool: what happens when every connection is busy,
//! > and when a handler is cancelled mid-query?
//!
//! A `Semaphore` with one permit per connection caps how many handlers
//! hold one; a `std::sync::Mutex<VecDeque<Conn>>` holds the idle ones, locked
//! only to pop or push, never across a query. `acquire` waits for a permit
//! under a timeout, then takes an idle connection (or opens one to replace
//! a connection that was thrown away). The handler gets a guard: its
//! `Drop` puts the connection back however the handler ends (rows, an
//! error, a panic, a cancellation), unless a cancelled query left it
//! half-used: then it is closed, and the next `acquire` opens a fresh one.

use std::collections::VecDeque;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::timeout;
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
    db: Db,
    /// One permit per connection: who may hold one.
    permits: Arc<Semaphore>,
    /// The connections nobody holds, longest idle first. Locked to pop or
    /// push only, never across an `.await`.
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

/// Step 1: a connection lent to one handler; back to the pool on drop.
pub struct PooledConn {
    /// `Some` until `Drop` takes it.
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    /// Dropped after `drop` has put the connection back (fields drop after
    /// the body), so the next waiter wakes to find it there.
    _permit: OwnedSemaphorePermit,
}

impl Pool {
    /// Step 1: a pool of `size` connections, opened now.
    pub fn new(db: Db, size: usize) -> Pool {
        let idle = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            permits: Arc::new(Semaphore::new(size)),
            idle: Arc::new(Mutex::new(idle)),
        }
    }

    /// Steps 1 and 3: a connection, once one is free; `PoolError::Timeout`
    /// if none is within `wait`.
    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        // The semaphore queues waiters fairly, and dropping this future
        // (a cancelled handler) gives up its place and nothing else.
        let permit = timeout(wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool never closes its semaphore");
        let idle = self
            .idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        let conn = match idle {
            Some(conn) => conn,
            // A permit but no connection: one was closed half-used. Open
            // its replacement (if this is cancelled, the permit goes back).
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            _permit: permit,
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("taken only in drop")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("taken only in drop")
    }
}

impl Drop for PooledConn {
    /// Steps 2 and 4: runs however the handler ends, returned, failed,
    /// panicked or cancelled: the only code a cancelled future still runs.
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else {
            return;
        };
        if conn.is_clean() {
            conn.checked_in();
            self.idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push_back(conn);
        }
        // Half-used (its query was cancelled mid-way): dropped here, which
        // closes it. The permit still goes back, so the pool opens a new
        // connection for the next handler instead of shrinking.
    }
}

/// Steps 2 to 4: one request: a connection within [`ACQUIRE_TIMEOUT`],
/// its query, all within [`REQUEST_DEADLINE`].
pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|PoolError::Timeout| HandlerError::NoConnection)?;
        // `?` on a failed query returns early: `conn` is dropped, and so
        // goes back, on this path too.
        conn.query(&query).await.map_err(HandlerError::Query)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
