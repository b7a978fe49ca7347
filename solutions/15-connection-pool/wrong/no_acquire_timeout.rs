//! Wrong: `acquire` ignores its timeout and waits for a permit for as long
//! as it takes. With every connection busy, a handler waits for as long as
//! the others hold theirs: with a stuck query, for ever. Only the request's
//! deadline would end it, and that is not what the caller was promised.
//! expect: acquire gives up after ACQUIRE_TIMEOUT

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
        let _ = wait;
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
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
}
