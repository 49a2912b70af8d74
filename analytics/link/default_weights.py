"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [8.814, 3.1508, 0.0, 8.3306, 6.6107, 6.6107, 6.6107, 5.6769, -2.3184,
          3.9901, 2.4658, 1.1166, 2.4658, -1.7624, 2.7319, 2.4449, -0.0549,
          -0.1272, 0.5025, 1.6051, 0.0651, -0.6983, 1.0293, 0.4366, -2.3162,
          2.6033, 2.6033, -0.6862, 6.2889, -0.6439, 0.0, 1.7536, 0.5309,
          -0.2578, -2.3749, 1.1866, 0.9382, -0.0685, -0.3933, 0.4638, 0.4638,
          0.1212, -0.9262, 2.2452, 0.4985, 1.7519],
 'intercept': -4.3455,
 'layout': [['SamePhone', ['null', 'same', 'fragment', 'different']],
            ['PlateFits',
             ['null', 'same', 'fits', 'misread', 'one_off', 'partial',
              'different']],
            ['SimilarVehicle',
             ['null', 'same', 'near', 'model_colour_differs', 'similar',
              'different']],
            ['SharedMarks', ['null', 'same', 'similar', 'some', 'different']],
            ['SimilarDescription',
             ['null', 'same', 'similar', 'some', 'different']],
            ['AgeAndHeightFit', ['null', 'both_fit', 'one_fits', 'clash']],
            ['SameName', ['null', 'same', 'similar', 'different']],
            ['SameHandle', ['null', 'same', 'similar', 'different']],
            ['SameHarmPattern',
             ['null', 'same', 'rare_shared', 'common_shared', 'none_shared']],
            ['NearInSpaceAndTime',
             ['null', 'near_soon', 'near', 'nearby', 'far']],
            ['CloseInTime',
             ['null', 'within_month', 'within_season', 'within_year',
              'years_apart']]]}
