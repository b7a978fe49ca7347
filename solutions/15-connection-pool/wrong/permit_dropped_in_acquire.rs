//! Wrong: `acquire` waits for a permit and then lets it go at its own end
//! (`let _permit` inside `acquire`, not a field of the guard). The
//! semaphore then caps only how many handlers acquire at the same instant,
//! not how many hold a connection: every handler is let in, finds the idle
//! ones taken, and opens a connection of its own. Ten handlers, ten
//! connections: the cap the database was promised is gone.
//! expect: nothing capped the handlers

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
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
        let _permit = timeout(wait, self.permits.acquire())
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
        })
    }
}
