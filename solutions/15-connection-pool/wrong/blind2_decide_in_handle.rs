//! Wrong: Blind examination, second round: the guard puts the connection back
//! unless handle marked it bad, which handle does in a match on its own timeout
//! after the await. An abort (step 5) never reaches that line, so the half-used
//! connection goes back. Real cause: only Drop runs on cancellation; decide
//! there from conn.is_clean().
//! expect: Only Drop runs when a future is cancelled: decide there

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    _permit: OwnedSemaphorePermit,
    bad: bool,
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
            bad: false,
        })
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
            if !self.bad {
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
    let started = tokio::time::Instant::now();
    let mut conn = timeout(REQUEST_DEADLINE, pool.acquire(ACQUIRE_TIMEOUT))
        .await
        .map_err(|_| HandlerError::Deadline)?
        .map_err(|_| HandlerError::NoConnection)?;
    let left = REQUEST_DEADLINE.saturating_sub(started.elapsed());
    match timeout(left, conn.query(&query)).await {
        Ok(rows) => rows.map_err(HandlerError::Query),
        Err(_) => {
            conn.bad = true;
            Err(HandlerError::Deadline)
        }
    }
}
