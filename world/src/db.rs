//! A database whose connections take virtual time to answer, for the kata
//! on connection pools.
//!
//! - [`Db::open`] opens a connection at once (at startup, before the first
//!   request); [`Db::connect`] opens one while the server runs, which takes
//!   [`CONNECT_TIME`] and is drawn as a `connect` span on the new
//!   connection's row. Connections are drawn on rows `conn 1`, `conn 2`...
//!   numbered in the order they are first used (their first query or
//!   connect), not the order they were opened: which idle connection a
//!   pool lends first (FIFO or LIFO) is the pool's choice, and the picture
//!   does not depend on it.
//! - [`Conn::query`] runs a [`Query`]: it takes the query's time and is
//!   drawn on the connection's row, labelled with the query's name. It
//!   answers `"rows of q3"`, or an error, or (a bug in the code that reads
//!   the rows) panics, as the query says.
//! - A connection speaks a protocol: a query is sent, then its rows are
//!   read. A `query` future dropped in between (a timeout, an aborted task)
//!   leaves the connection **half-used**: the server will still send the
//!   rows of that query. [`Conn::is_clean`] says so. The next query on such
//!   a connection reads those leftover rows as its own answer: it returns
//!   the rows of the cancelled query, silently, and a note on the row says
//!   so. From then on the connection is one answer behind for good.
//! - [`Conn::checked_in`] is for the pool: called where a connection goes
//!   back to the pool (a guard's `Drop`), it draws `c` on the row of the
//!   handler that held it. A connection dropped while half-used is closed:
//!   its `Drop` draws `c` too ("closed mid-query"). A clean connection
//!   dropped draws nothing.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::time::sleep;

use crate::deliberate::panic_on_purpose;
use crate::trace::Fill;
use crate::world::World;

/// How long [`Db::connect`] takes to open a connection.
pub const CONNECT_TIME: Duration = Duration::from_millis(50);

/// The database server. Cheap to clone; clones number their connections
/// from the same counters.
#[derive(Clone)]
pub struct Db {
    world: World,
    opened: Arc<AtomicU32>,
    /// How many connections were used so far: the next one first used is
    /// drawn on row `conn {used + 1}`.
    used: Arc<AtomicU32>,
}

impl Db {
    pub fn new(world: &World) -> Db {
        Db {
            world: world.clone(),
            opened: Arc::new(AtomicU32::new(0)),
            used: Arc::new(AtomicU32::new(0)),
        }
    }

    /// Opens a connection at once, drawing nothing: for a pool built at
    /// startup, before the first request.
    pub fn open(&self) -> Conn {
        let id = self.opened.fetch_add(1, Ordering::SeqCst) + 1;
        Conn {
            world: self.world.clone(),
            id,
            row: OnceLock::new(),
            used: Arc::clone(&self.used),
            leftover: None,
        }
    }

    /// Opens a connection while the server runs: takes [`CONNECT_TIME`],
    /// drawn `connect` on the new connection's row.
    pub async fn connect(&self) -> Conn {
        let conn = self.open();
        let span = self.world.span(&conn.name(), "connect", Fill::Work);
        sleep(CONNECT_TIME).await;
        span.end(None::<String>);
        conn
    }

    /// How many connections were opened so far, by either method.
    pub fn opened(&self) -> u32 {
        self.opened.load(Ordering::SeqCst)
    }
}

/// What a query does when its time is up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Rows,
    Fails,
    Panics,
}

/// A query a handler runs: a name (`q3`), how long the server takes to
/// answer it, and how it ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    name: String,
    takes: Duration,
    outcome: Outcome,
}

impl Query {
    /// A query that answers `"rows of {name}"` after `takes`.
    pub fn new(name: impl Into<String>, takes: Duration) -> Query {
        Query {
            name: name.into(),
            takes,
            outcome: Outcome::Rows,
        }
    }

    /// A query the server rejects after `takes`: `Err(DbError::Syntax)`,
    /// drawn `!`. The connection stays clean: the error was the answer.
    pub fn failing(name: impl Into<String>, takes: Duration) -> Query {
        Query {
            outcome: Outcome::Fails,
            ..Query::new(name, takes)
        }
    }

    /// A query whose rows arrive after `takes`, but the code that reads
    /// them has a bug: `query` panics, drawn `*`. The rows were read, so
    /// the connection is clean.
    pub fn panicking(name: impl Into<String>, takes: Duration) -> Query {
        Query {
            outcome: Outcome::Panics,
            ..Query::new(name, takes)
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The answer this query gets on a clean connection, if it gets rows.
    pub fn rows(&self) -> String {
        format!("rows of {}", self.name)
    }
}

/// What a failed query returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbError {
    /// The server rejected the query.
    Syntax { query: String },
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Syntax { query } => write!(f, "syntax error in {query}"),
        }
    }
}

impl std::error::Error for DbError {}

/// One connection to the database. Not `Clone`: one user at a time.
pub struct Conn {
    world: World,
    id: u32,
    /// Its row's number, given when it is first used.
    row: OnceLock<u32>,
    /// The database's count of connections used, shared by all of them.
    used: Arc<AtomicU32>,
    /// The rows the server still owes from a query whose future was
    /// dropped before it read them: the connection is half-used.
    leftover: Option<String>,
}

impl fmt::Debug for Conn {
    /// Its row, if it was used; printing it does not number it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row.get() {
            Some(row) => write!(f, "conn {row}"),
            None => write!(f, "conn (opened {}, not used yet)", self.id),
        }
    }
}

impl Conn {
    /// Which connection it is in the order they were opened (1 for the
    /// first).
    pub fn id(&self) -> u32 {
        self.id
    }

    /// The row it is drawn on: `conn 1` for the first connection used,
    /// `conn 2` for the second... Asking numbers it, if it was not yet.
    pub fn name(&self) -> String {
        let row = self
            .row
            .get_or_init(|| self.used.fetch_add(1, Ordering::SeqCst) + 1);
        format!("conn {row}")
    }

    /// Whether the connection can take a query: `false` once a query
    /// future was dropped after sending its query and before reading its
    /// rows. Such a connection must not be handed to anyone else.
    pub fn is_clean(&self) -> bool {
        self.leftover.is_none()
    }

    /// Runs `query`: takes its time, drawn on this connection's row.
    ///
    /// On a half-used connection, the answer read is the one the server
    /// still owed: the rows of the query that was cancelled, not this
    /// one's. A note on the row says so, and this query's rows become the
    /// leftover in turn.
    ///
    /// # Panics
    ///
    /// For a [`Query::panicking`], once its rows are read.
    pub async fn query(&mut self, query: &Query) -> Result<String, DbError> {
        let row = self.name();
        let span = self.world.span(&row, &query.name, Fill::Work);
        // The query is sent: until its rows are read, the server owes them.
        let owed = self.leftover.replace(query.rows());
        sleep(query.takes).await;
        // The rows arrive. Nothing after this line awaits: a connection is
        // half-used only while the future waits above.
        if let Some(stale) = owed {
            self.world.note(
                &row,
                format!(
                    "{} read {stale}, left over from a query cancelled mid-way",
                    query.name
                ),
            );
            span.end(Some(&stale));
            return Ok(stale);
        }
        self.leftover = None;
        match query.outcome {
            Outcome::Rows => {
                let rows = query.rows();
                span.end(Some(&rows));
                Ok(rows)
            }
            Outcome::Fails => {
                let error = DbError::Syntax {
                    query: query.name.clone(),
                };
                span.fail(&error);
                Err(error)
            }
            Outcome::Panics => {
                // The span is dropped as this unwinds: drawn `*`.
                panic_on_purpose(
                    "bug in the handler",
                    &format!("could not parse the rows of {}", query.name),
                )
            }
        }
    }

    /// Records that the connection went back to the pool: drawn `c` on the
    /// row of the handler that held it (or on the connection's row outside
    /// any handler). Call it where the pool takes the connection back.
    pub fn checked_in(&self) {
        let row = World::current_actor().unwrap_or_else(|| self.name());
        let state = if self.is_clean() { "" } else { " (half-used!)" };
        self.world
            .cleanup(&row, format!("{} back in the pool{state}", self.name()));
    }
}

impl Drop for Conn {
    /// A half-used connection is closed rather than left for the server to
    /// answer: drawn `c` where it was dropped.
    fn drop(&mut self) {
        if let Some(owed) = &self.leftover {
            let row = World::current_actor().unwrap_or_else(|| self.name());
            self.world.cleanup(
                &row,
                format!("{} closed mid-query ({owed} never read)", self.name()),
            );
        }
    }
}
