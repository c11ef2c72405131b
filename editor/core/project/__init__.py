"""Reading and writing the project file."""
