//! Wrong: the pool is a `tokio::sync::Mutex<VecDeque<Conn>>`, and the
//! guard a handler gets is the lock's guard: it holds the whole pool for
//! the length of its query. Ten handlers take turns, one query at a time,
//! while two of the three connections sit idle.
//! expect: a pool of 3 runs 3 queries at once

pub struct Pool {
    conns: Arc<tokio::sync::Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conns: tokio::sync::OwnedMutexGuard<VecDeque<Conn>>,
}

impl Pool {
    pub fn new(db: Db, size: usize) -> Pool {
        let conns = (0..size).map(|_| db.open()).collect();
        Pool {
            conns: Arc::new(tokio::sync::Mutex::new(conns)),
        }
    }

    pub async fn acquire(&self, wait: Duration) -> Result<PooledConn, PoolError> {
        let conns = timeout(wait, Arc::clone(&self.conns).lock_owned())
            .await
            .map_err(|_| PoolError::Timeout)?;
        Ok(PooledConn { conns })
    }
}

impl Deref for PooledConn {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conns.front().expect("the pool has connections")
    }
}

impl DerefMut for PooledConn {
    fn deref_mut(&mut self) -> &mut Conn {
        self.conns.front_mut().expect("the pool has connections")
    }
}

impl Drop for PooledConn {
    fn drop(&mut self) {
        if let Some(conn) = self.conns.pop_front() {
            conn.checked_in();
            self.conns.push_back(conn);
        }
    }
}
