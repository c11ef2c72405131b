"""The Qt user interface, on top of the Qt-free core and the media backends."""
