// Channels
