"""Weights of the linker's scorer, learned from synthetic reports and the hand-written
tuning sets (dev, dev10, dev11, dev12, dev13, dev14, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9) by
``benchmarks/train_link_model.py --reports 10000 --seed 7 --handwritten-weight 100``.
Regenerate them after changing a comparison's levels or the normaliser."""

DEFAULT_WEIGHTS = {'coef': [8.9545, 5.8492, -0.0853, 8.347, 5.917, 5.917, 5.917, 5.8273, -1.846,
          4.4423, 2.7143, 1.0396, 2.7143, -2.0463, 2.8171, 2.5418, 2.1456, 0.0,
          0.7767, 1.6574, 0.2279, -0.7168, 0.851, 0.2822, -2.4555, 2.7209,
          2.7209, -0.652, 6.5061, 5.6643, 0.0, 1.766, 0.7309, -0.3309, -2.0595,
          1.267, 0.9411, 0.0986, -0.284, 0.4851, 0.4851, 0.2717, -0.9662,
          -1.9983, -0.2116, 1.3512],
 'intercept': -4.5313,
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
