//! Wrong: Blind examination: handle times out the query itself and, on its own
//! timeout, marks the connection broken so Drop closes it; Drop otherwise
//! returns it. An abort from outside never reaches that match, so the half-used
//! connection goes back. Real cause: cancellation is a drop: only Drop runs;
//! decide from conn.is_clean() in Drop, not from how the handler ended.
//! expect: Only Drop runs when a future is cancelled: decide there

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
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    _permit: OwnedSemaphorePermit,
    broken: bool,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle: VecDeque<Conn> = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            permits: Arc::new(Semaphore::new(size)),
            idle: Arc::new(Mutex::new(idle)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let permit = timeout(wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("never closed");
        let popped = self
            .idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        let conn = match popped {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            _permit: permit,
            broken: false,
        })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("lent until drop")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("lent until drop")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            if !self.broken {
                conn.checked_in();
                self.idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(conn);
            }
            // else: dropped here, which closes it
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let deadline = tokio::time::Instant::now() + REQUEST_DEADLINE;
    let mut conn = match tokio::time::timeout_at(deadline, pool.acquire(ACQUIRE_TIMEOUT)).await {
        Err(_) => return Err(HandlerError::Deadline),
        Ok(acquired) => acquired.map_err(|_| HandlerError::NoConnection)?,
    };
    match tokio::time::timeout_at(deadline, conn.query(&query)).await {
        Ok(rows) => rows.map_err(HandlerError::Query),
        Err(_) => {
            conn.broken = true; // cut off mid-query: close it in Drop
            Err(HandlerError::Deadline)
        }
    }
}
