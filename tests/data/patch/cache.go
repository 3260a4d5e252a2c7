package cache

func (c *Cache) Load(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create %q: %w", dir, err)
	}
	indexPath := filepath.Join(dir, "index")
	partPath := indexPath + ".part"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	data, err := c.fetch(ctx, c.origin,
		"index", partPath)
	if err != nil {
		_ = os.Remove(partPath)
		return fmt.Errorf("fetching the index: %w", err)
	}
	if _, err := os.Stat(indexPath); err == nil {
		if _, err := os.Stat(partPath); err == nil {
			return nil
		}
		// A stale index without its part file.
		_ = os.Remove(indexPath)
	}
	return c.store(data)
}
