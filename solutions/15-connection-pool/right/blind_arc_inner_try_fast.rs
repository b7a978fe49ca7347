//! Right: Blind examination: Pool wraps an Arc<Inner>; acquire tries
//! Semaphore::try_acquire_owned first and only then waits under timeout; the
//! guard returns its connection through the Inner it holds; idle list is a Vec
//! used as a stack from the back (LIFO); the connection to lend is popped
//! before the permit is dropped, via field order. (Adapted for the
//! catalogue, which splices only the solution's items: the examiner's
//! private `Inner`, behind one `Arc`, is unfolded into `Pool`'s fields.)

#[derive(Debug, PartialEq, Eq)]
pub enum PoolError {
    Timeout,
}

#[derive(Debug, PartialEq, Eq)]
pub enum HandlerError {
    NoConnection,
    Query(DbError),
    Deadline,
}

pub struct Pool {
    db: Db,
    idle: Arc<Mutex<Vec<Conn>>>,
    permits: Arc<Semaphore>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<Vec<Conn>>>,
    permit: Option<OwnedSemaphorePermit>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let conns = (0..size).map(|_| db.open()).collect::<Vec<_>>();
        // reversed, so the stack lends conn 1 first
        let idle = conns.into_iter().rev().collect();
        Pool {
            db,
            idle: Arc::new(Mutex::new(idle)),
            permits: Arc::new(Semaphore::new(size)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let permits = Arc::clone(&self.permits);
        let permit = match Arc::clone(&permits).try_acquire_owned() {
            Ok(p) => p,
            Err(_) => match tokio::time::timeout(wait, permits.acquire_owned()).await {
                Ok(p) => p.expect("never closed"),
                Err(_) => return Err(PoolError::Timeout),
            },
        };
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(c) => c,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            permit: Some(permit),
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().unwrap()
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().unwrap()
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        match self.conn.take() {
            Some(conn) if conn.is_clean() => {
                conn.checked_in();
                self.idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(conn);
            }
            other => drop(other),
        }
        // the permit goes back only now, once the connection is in the list
        drop(self.permit.take());
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let deadline = tokio::time::Instant::now() + REQUEST_DEADLINE;
    let Ok(acquired) = tokio::time::timeout_at(deadline, pool.acquire(ACQUIRE_TIMEOUT)).await
    else {
        return Err(HandlerError::Deadline);
    };
    let mut conn = acquired.map_err(|PoolError::Timeout| HandlerError::NoConnection)?;
    match tokio::time::timeout_at(deadline, conn.query(&query)).await {
        Ok(rows) => rows.map_err(HandlerError::Query),
        Err(_) => Err(HandlerError::Deadline),
    }
}
