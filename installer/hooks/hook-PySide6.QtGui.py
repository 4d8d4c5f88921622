# Qt GUI for the frozen app without the plugins a desktop office app never loads (#19).
#
# Overrides PyInstaller's own hook of the same name (hooks in the spec's hookspath win). Plugins
# are dropped *here*, before PyInstaller follows their library dependencies: dropping the GTK
# platform theme after the analysis would leave GTK, cairo and pango behind in the bundle.
import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# plugin type -> plugin names (file name without "lib" and extension) never loaded by the app
DROPPED = {
    # embedded-device platforms (framebuffer, KMS, VNC, Vulkan display) and their input plugins
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    "egldeviceintegrations": None,
    "generic": None,
    # the GTK theme pulls GTK, cairo, pango and their libraries in; Fusion is our style
    "platformthemes": {"qgtk3"},
    # image formats nobody opens in a service desk (PNG, JPEG, GIF, ICO and SVG stay)
    "imageformats": {"qtiff", "qwebp", "qicns", "qtga", "qwbmp", "qpdf"},
    # buffer sharing for Wayland compositors, not for applications
    "wayland-graphics-integration-client": {"dmabuf-server", "drm-egl-server",
                                            "shm-emulation-server", "vulkan-server"},
}


def _plugin_name(path):
    name = os.path.splitext(os.path.basename(path))[0]
    return name[3:] if name.startswith("lib") else name


def _kept(entry):
    src, dest = entry
    plugin_type = dest.replace("\\", "/").split("/plugins/", 1)[-1]
    if plugin_type not in DROPPED:
        return True
    names = DROPPED[plugin_type]
    return names is not None and _plugin_name(src) not in names


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _kept(entry)]
