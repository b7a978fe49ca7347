//! Wrong: the guard rightly closes a half-used connection, but `acquire`
//! never opens a replacement: a permit with no idle connection behind it
//! is taken for "none free". Every cancelled query shrinks the pool by one,
//! until it has no connection left at all.
//! expect: a connection closed mid-query must be replaced

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
        let _ = &self.db;
        let conn = self
            .idle
            .lock()
            .unwrap()
            .pop_front()
            .ok_or(PoolError::Timeout)?;
        Ok(PooledConn {
            conn: Some(conn),
            idle: Arc::clone(&self.idle),
            _permit: permit,
        })
    }
}
