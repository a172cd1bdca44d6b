// Casework
