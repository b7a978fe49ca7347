//! Wrong: Blind examination, second round: handle maps an acquire timeout to
//! HandlerError::Deadline (any Elapsed is 'too late') instead of NoConnection:
//! acquire did time out at 1 s, but with the wrong name.
//! expect: but answered HandlerError::Deadline: a timed-out acquire

pub struct Pool {
    db: Db,
    permits: Arc<Semaphore>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
}

pub struct PooledConn {
    conn: Option<Conn>,
    idle: Arc<Mutex<VecDeque<Conn>>>,
    _permit: OwnedSemaphorePermit,
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
    let request = async {
        let mut conn = pool
            .acquire(ACQUIRE_TIMEOUT)
            .await
            .map_err(|_| HandlerError::Deadline)?;
        conn.query(&query).await.map_err(HandlerError::Query)
    };
    timeout(REQUEST_DEADLINE, request)
        .await
        .unwrap_or(Err(HandlerError::Deadline))
}
