//! Right: Blind examination, second round: FIFO; the acquire timeout covers the
//! connect too; one absolute deadline (timeout_at) shared by the acquire and
//! the query, in two steps, with explicit matches.

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<std::collections::VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<std::collections::VecDeque<Conn>>>,
    _permit: OwnedSemaphorePermit,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle: std::collections::VecDeque<Conn> = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            permits: Arc::new(Semaphore::new(size)),
            idle: Arc::new(Mutex::new(idle)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        // The whole acquire (the wait for a place and a connect if needed) is bounded by `wait`.
        timeout(wait, async {
            let permit = Arc::clone(&self.permits)
                .acquire_owned()
                .await
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
            PooledConn {
                conn: Some(conn),
                idle: Arc::clone(&self.idle),
                _permit: permit,
            }
        })
        .await
        .map_err(|_| PoolError::Timeout)
    }
}

impl Deref for PooledConn {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        self.conn.as_ref().expect("present until drop")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conn.as_mut().expect("present until drop")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            if conn.is_clean() {
                conn.checked_in();
                self.idle
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push_back(conn);
            }
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let deadline = tokio::time::Instant::now() + REQUEST_DEADLINE;
    let mut conn = match tokio::time::timeout_at(deadline, pool.acquire(ACQUIRE_TIMEOUT)).await {
        Err(_) => return Err(HandlerError::Deadline),
        Ok(Err(PoolError::Timeout)) => return Err(HandlerError::NoConnection),
        Ok(Ok(conn)) => conn,
    };
    match tokio::time::timeout_at(deadline, conn.query(&query)).await {
        Ok(rows) => rows.map_err(HandlerError::Query),
        Err(_) => Err(HandlerError::Deadline),
    }
}
