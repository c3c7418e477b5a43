package scanner

// addPixelEvents decodes the tracking pixels' events of the phase's
// requests (scanner/pixel, once merged).
func (r *phaseRun) addPixelEvents(rec recording) {}
