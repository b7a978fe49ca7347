//! Wrong: no guard. The handler gives the connection back by hand after
//! its query, Python's `await pool.release(conn)` without a `finally`: the
//! `?` of a failed query returns before the release, and a panic unwinds
//! past it. Each leaks a connection for good, and the next handlers wait
//! for connections that never come back.
//! expect: a connection goes back to the pool however its handler ends

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let idle = (0..size).map(|_| db.open()).collect();
        Pool {
            db,
            permits: Arc::new(Semaphore::new(size)),
            idle: Arc::new(Mutex::new(idle)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let permit = timeout(wait, self.permits.acquire())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool never closes its semaphore");
        // Given back by `release`, not on drop.
        permit.forget();
        let idle = self.idle.lock().unwrap().pop_front();
        let conn = match idle {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            permits: Arc::clone(&self.permits),
        })
    }

    pub fn release(&self, mut conn: PooledConn) {
        let conn = conn.conn.take().expect("released once");
        conn.checked_in();
        self.idle.lock().unwrap().push_back(conn);
        self.permits.add_permits(1);
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        let _ = (&self.idle, &self.permits);
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|PoolError::Timeout| HandlerError::NoConnection)?;
        let rows = conn.query(&query).await.map_err(HandlerError::Query)?;
        pool.release(conn);
        Ok(rows)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
