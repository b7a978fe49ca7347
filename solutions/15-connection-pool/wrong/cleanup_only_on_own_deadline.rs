//! Wrong: the handler throws a half-used connection away when its own
//! deadline cuts the query off, in async code after the `timeout`, and the
//! guard puts back whatever it holds. But a handler can be cancelled from
//! outside too: its client hangs up, the server drops its future, its task
//! is aborted. Then no line after the `.await` runs, only `Drop`, and the
//! connection goes back half-used.
//! expect: a handler cancelled from outside (its task aborted, its client gone)

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
        let permit = timeout(wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| PoolError::Timeout)?
            .expect("the pool never closes its semaphore");
        let idle = self.idle.lock().unwrap().pop_front();
        let conn = match idle {
            Some(conn) => conn,
            None => self.db.connect().await,
        };
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            _permit: permit,
        })
    }

    pub fn discard(&self, mut conn: PooledConn) {
        drop(conn.conn.take());
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            conn.checked_in();
            self.idle.lock().unwrap().push_back(conn);
        }
    }
}

pub async fn handle(pool: &Pool, query: Query) -> Result<String, HandlerError> {
    let started = tokio::time::Instant::now();
    let mut conn = timeout(REQUEST_DEADLINE, pool.acquire(ACQUIRE_TIMEOUT))
        .await
        .map_err(|_| HandlerError::Deadline)?
        .map_err(|PoolError::Timeout| HandlerError::NoConnection)?;
    let left = REQUEST_DEADLINE.saturating_sub(started.elapsed());
    match timeout(left, conn.query(&query)).await {
        Ok(rows) => rows.map_err(HandlerError::Query),
        Err(_) => {
            pool.discard(conn);
            Err(HandlerError::Deadline)
        }
    }
}
